#include "reportsite/render/theme.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "reportsite/core/strings.h"

namespace rs {

namespace {

/// kainjow's trim: every std::isspace character.
std::string mustache_trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

struct PartialRef {
  std::string name;
  size_t line;  // 1-based, in the file that includes it
};

/// Every `{{> name}}` in a Mustache text, read the way kainjow's parser reads
/// tags: `{{=<% %>=}}` changes the delimiters, `{{{x}}}` is a variable, and a
/// comment ends at the first closing delimiter. A tag kainjow cannot parse
/// ends the scan, as it ends kainjow's parse (nothing after it is drawn).
std::vector<PartialRef> partial_refs(const std::string& text) {
  std::vector<PartialRef> out;
  std::string open = "{{", close = "}}";
  size_t pos = 0, line = 1, counted = 0;
  for (;;) {
    size_t b = text.find(open, pos);
    if (b == std::string::npos) break;
    size_t c = b + open.size();
    bool triple = open == "{{" && close == "}}" && c < text.size() && text[c] == '{';
    const std::string end = triple ? "}}}" : close;
    if (triple) ++c;
    size_t e = text.find(end, c);
    if (e == std::string::npos) break;
    std::string contents = mustache_trim(std::string_view(text).substr(c, e - c));
    pos = e + end.size();
    if (!contents.empty() && contents[0] == '=') {
      if (contents.size() < 5 || contents.back() != '=') break;
      std::string inner = mustache_trim(std::string_view(contents).substr(1, contents.size() - 2));
      size_t space = inner.find(' ');
      if (space == std::string::npos) break;
      open = inner.substr(0, space);
      close = inner.substr(inner.find_first_not_of(' ', space + 1));
      auto bad = [](const std::string& d) {
        return std::any_of(d.begin(), d.end(), [](char ch) { return ch == '=' || std::isspace(static_cast<unsigned char>(ch)); });
      };
      if (bad(open) || bad(close)) break;
      continue;
    }
    if (triple || contents.empty() || contents[0] != '>') continue;
    line += static_cast<size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted),
                                           text.begin() + static_cast<std::ptrdiff_t>(b), '\n'));
    counted = b;
    out.push_back({mustache_trim(std::string_view(contents).substr(1)), line});
  }
  return out;
}

// A backstop under the load-time check: kainjow renders partials by recursion,
// so a partial expanded with the stack already this deep draws nothing.
constexpr uintptr_t kPartialStackBudget = 1024 * 1024;
thread_local uintptr_t render_stack_base = 0;
thread_local bool render_stack_exhausted = false;

uintptr_t stack_position() { return reinterpret_cast<uintptr_t>(__builtin_frame_address(0)); }

bool stack_too_deep() {
  uintptr_t here = stack_position();
  uintptr_t used = here > render_stack_base ? here - render_stack_base : render_stack_base - here;
  if (used > kPartialStackBudget) render_stack_exhausted = true;
  return render_stack_exhausted;
}

std::string quoted_chain(const std::vector<std::string>& names, size_t from) {
  std::string out;
  for (size_t i = from; i < names.size(); ++i) out += (i > from ? " → `" : "`") + names[i] + "`";
  return out;
}

}  // namespace

struct Theme::Compiled {
  kainjow::mustache::mustache tmpl;
  explicit Compiled(const std::string& text) : tmpl(text) {
    tmpl.set_custom_escape([](const std::string& s) { return html_escape(s); });
  }
};

Theme::Theme() = default;
Theme::~Theme() = default;
// Moving a std::map keeps its nodes, so partials_ still points at the right texts.
Theme::Theme(Theme&&) noexcept = default;
Theme& Theme::operator=(Theme&&) noexcept = default;

Theme Theme::load(const FileSystem& fs, const std::string& site_root, const std::string& name, Diagnostics& diags) {
  Theme t = load_files(fs, site_root, name, diags);
  for (const auto& [path, text] : t.files_)
    if (starts_with(path, "partials/") && ends_with(path, ".mustache"))
      t.partials_.push_back({path.substr(9, path.size() - 9 - 9), &text});
  Hasher partials;
  for (const auto& [partial, text] : t.partials_) partials.add(partial).add(*text);
  t.partials_hash_ = partials.value();
  for (const auto& [path, text] : t.files_)
    if (starts_with(path, "templates/")) t.template_hashes_[path] = hash_bytes(text);
  t.check_partials(diags);
  return t;
}

void Theme::check_partials(Diagnostics& diags) {
  size_t n = partials_.size();
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < n; ++i) index[partials_[i].first] = i;
  struct Edge {
    size_t to, line;
  };
  std::vector<std::vector<Edge>> edges(n);
  std::vector<std::string> names;
  for (const auto& [name, text] : partials_) names.push_back(name);
  // An include of no partial file is not silently empty: kainjow would draw a
  // page value of that name (a title, say) as a template instead.
  auto missing = [&](const std::string& file, const PartialRef& ref) {
    diags.add({Severity::error, "theme.partial-missing",
               "`{{> " + ref.name + "}}` on line " + std::to_string(ref.line) + " names no partial: there is no partials/" +
                   ref.name + ".mustache",
               {}, origin(file), did_you_mean(ref.name, names), {}});
    usable_ = false;
  };
  for (size_t i = 0; i < n; ++i)
    for (const auto& ref : partial_refs(*partials_[i].second)) {
      if (auto it = index.find(ref.name); it != index.end()) edges[i].push_back({it->second, ref.line});
      else missing("partials/" + partials_[i].first + ".mustache", ref);
    }
  for (const auto& [path, text] : files_)
    if (starts_with(path, "templates/"))
      for (const auto& ref : partial_refs(text))
        if (!index.count(ref.name)) missing(path, ref);
  auto where = [&](size_t i) { return origin("partials/" + partials_[i].first + ".mustache"); };

  // Depth-first, with an explicit stack: the graph itself may be deep.
  enum State : uint8_t { fresh, open, done };
  std::vector<State> state(n, fresh);
  std::vector<size_t> depth(n, 1), deepest(n, n);  // partials nested from here, and the child on that chain
  std::vector<std::pair<size_t, size_t>> stack;    // partial, next edge to follow
  for (size_t root = 0; root < n; ++root) {
    if (state[root] != fresh) continue;
    state[root] = open;
    stack.push_back({root, 0});
    while (!stack.empty()) {
      size_t node = stack.back().first, k = stack.back().second;
      if (k == edges[node].size()) {
        for (const Edge& e : edges[node])
          if (state[e.to] == done && depth[e.to] + 1 > depth[node]) depth[node] = depth[e.to] + 1, deepest[node] = e.to;
        state[node] = done;
        stack.pop_back();
        continue;
      }
      ++stack.back().second;
      const Edge& e = edges[node][k];
      if (state[e.to] == fresh) {
        state[e.to] = open;
        stack.push_back({e.to, 0});
      } else if (state[e.to] == open) {
        // A way back to a partial still being drawn: the cycle is the stack from it.
        size_t from = 0;
        while (stack[from].first != e.to) ++from;
        std::vector<std::string> cycle;
        for (size_t j = from; j < stack.size(); ++j) cycle.push_back(partials_[stack[j].first].first);
        cycle.push_back(partials_[e.to].first);
        const Edge& first = from + 1 < stack.size() ? edges[e.to][stack[from].second - 1] : e;
        std::string how = cycle.size() == 2 ? "" : " through " + quoted_chain(cycle, 1);
        diags.add({Severity::error, "theme.partial-cycle",
                   "partial `" + cycle[0] + "` includes itself" + how + " (`{{> " + cycle[1] + "}}` on line " +
                       std::to_string(first.line) + "), so drawing any page that uses it would never end",
                   {}, where(e.to), "remove one of these includes: partials may include each other in one direction only",
                   {}});
        usable_ = false;
      }
    }
  }

  size_t top = 0;
  for (size_t i = 1; i < n; ++i)
    if (depth[i] > depth[top]) top = i;
  if (n > 0 && depth[top] > kMaxPartialDepth) {
    std::vector<std::string> chain;
    for (size_t i = top; i < n && chain.size() < 6; i = deepest[i]) chain.push_back(partials_[i].first);
    diags.add({Severity::error, "theme.partial-depth",
               "partials nest " + std::to_string(depth[top]) + " deep: " + quoted_chain(chain, 0) +
                   (depth[top] > chain.size() ? " → …" : "") + "; at most " + std::to_string(kMaxPartialDepth) +
                   " levels can be drawn",
               {}, where(top), "draw the inner parts in the outer partial instead of nesting them further", {}});
    usable_ = false;
  }
}

Theme Theme::load_files(const FileSystem& fs, const std::string& site_root, const std::string& name,
                        Diagnostics& diags) {
  Theme t;
  for (const auto& [path, bytes] : builtin_theme_files()) {
    t.files_[path] = bytes;
    t.origins_[path] = "themes/default/" + path + " (built in)";
  }
  std::string dir = join_path(site_root, "themes/" + name);
  if (!fs.is_dir(dir)) {
    if (name != "default")
      diags.add({Severity::error, "theme.missing", "theme `" + name + "` not found: there is no folder " + dir, {},
                 join_path(site_root, "data/site.yaml"), "remove `theme:` to use the built-in default theme", {}});
    return t;
  }
  for (const auto& rel : fs.list(dir)) {
    std::string err;
    auto bytes = fs.read(join_path(dir, rel), &err);
    if (!bytes) {
      diags.add({Severity::error, "theme.io", err, {}, join_path(dir, rel), {}, {}});
      continue;
    }
    t.files_[rel] = std::move(*bytes);
    t.origins_[rel] = join_path(dir, rel);
  }
  return t;
}

const std::string* Theme::file(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

std::vector<std::string> Theme::assets() const {
  std::vector<std::string> out;
  for (const auto& [path, bytes] : files_)
    if (starts_with(path, "assets/")) out.push_back(path.substr(7));
  return out;
}

std::string Theme::origin(const std::string& path) const {
  auto it = origins_.find(path);
  return it == origins_.end() ? "theme" : it->second;
}

uint64_t Theme::fingerprint(const std::string& name) const {
  auto hash_of = [&](const std::string& path) {
    auto it = template_hashes_.find(path);
    return it == template_hashes_.end() ? 0 : it->second;
  };
  return Hasher().add(hash_of("templates/" + name)).add(hash_of("templates/layout.mustache")).add(partials_hash_).value();
}

namespace {
using MustacheData = kainjow::mustache::data;

/// A leaf, or an empty object or list to be filled in place.
MustacheData shell(const View& v) {
  switch (v.kind()) {
    case View::Kind::text: return MustacheData(v.text());
    case View::Kind::flag: return MustacheData(v.flag());
    case View::Kind::list: return MustacheData(MustacheData::type::list);
    case View::Kind::object: break;
  }
  return MustacheData(MustacheData::type::object);
}

/// Fill `target` top-down: kainjow's set() and push_back() copy their argument,
/// so a tree built bottom-up would be copied once per level.
void fill(MustacheData& target, const View& v) {
  if (v.kind() == View::Kind::list) {
    // list_value() is const only because kainjow offers no mutable accessor; the list is target's own.
    auto& list = const_cast<kainjow::mustache::list&>(target.list_value());
    list.reserve(v.items().size());
    for (const auto& item : v.items()) {
      list.push_back(shell(item));
      fill(list.back(), item);
    }
  } else if (v.kind() == View::Kind::object) {
    for (const auto& [key, value] : v.members()) {
      target.set(key, shell(value));
      fill(*const_cast<MustacheData*>(target.get(key)), value);
    }
  }
}
}  // namespace

std::string Theme::render(const std::string& name, const View& view, Diagnostics& diags) const {
  if (!usable_) return {};  // the load said why
  std::string path = "templates/" + name;
  std::shared_ptr<Compiled> compiled;
  {
    std::lock_guard<std::mutex> lock(*mutex_);
    auto& slot = compiled_[{std::this_thread::get_id(), path}];
    if (!slot) {
      const std::string* text = file(path);
      if (!text) {
        diags.add({Severity::error, "theme.template", "the theme has no template " + path, {}, origin(path), {}, {}});
        return {};
      }
      slot = std::make_shared<Compiled>(*text);
    }
    compiled = slot;
  }
  if (!compiled->tmpl.is_valid()) {
    diags.add({Severity::error, "theme.template", "template error: " + compiled->tmpl.error_message(), {}, origin(path),
               {}, {}});
    return {};
  }
  // Partials come from partials/<name>.mustache.
  MustacheData ctx = shell(view);
  fill(ctx, view);
  for (const auto& [partial, body] : partials_)
    ctx.set(partial, kainjow::mustache::partial([text = body] { return stack_too_deep() ? std::string() : *text; }));
  render_stack_base = stack_position();
  render_stack_exhausted = false;
  std::string out = compiled->tmpl.render(ctx);
  if (render_stack_exhausted) {
    diags.add({Severity::error, "theme.partial-depth",
               "partials nest too deep to draw " + path + " (a cycle the theme check did not see?)", {}, origin(path),
               {}, {}});
    return {};
  }
  if (!compiled->tmpl.is_valid()) {
    diags.add({Severity::error, "theme.template", "template error: " + compiled->tmpl.error_message(), {}, origin(path),
               {}, {}});
    return {};
  }
  return out;
}

}  // namespace rs
