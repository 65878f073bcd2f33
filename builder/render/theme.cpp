#include "reportsite/render/theme.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>

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

/// A template as kainjow's parser reads it (what its `mustache` constructor
/// does); drawn by Drawer below, so it is never changed and threads share it.
struct Theme::Compiled {
  kainjow::mustache::component<std::string> root;
  std::string error;  // the parser's message; empty when the template is valid
  explicit Compiled(const std::string& text) {
    kainjow::mustache::context<std::string> unused;
    kainjow::mustache::context_internal<std::string> context{unused};
    kainjow::mustache::parser<std::string> parse{text, context, root, error};
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
  for (const auto& [partial, text] : t.partials_) t.compiled_partials_.push_back(std::make_shared<const Compiled>(*text));
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

/// Draws a compiled template from a View the way kainjow's renderer draws
/// its own data (mustache.hpp, render_component and the functions it calls),
/// step for step, so pages come out byte for byte as kainjow drew them, without
/// copying the View into kainjow's data first.
class Theme::Drawer {
 public:
  Drawer(const Theme& theme, const View& root, std::string& out) : theme_(theme), out_(out) {
    stack_.push_back({&root, nullptr, true});
  }

  void draw(const Compiled& t) {
    walk(t.root.children);
    end_line(nullptr);
  }
  /// kainjow's last error message (a partial it could not parse); empty if none.
  const std::string& error() const { return error_; }

 private:
  using Component = kainjow::mustache::component<std::string>;
  using Tag = kainjow::mustache::tag_type;
  /// What a name finds: a View, or one of the theme's partials, which the
  /// data given to a template carries over its own members of the same name.
  struct Value {
    const View* view = nullptr;
    const Compiled* partial = nullptr;
    bool root = false;  // the data the template was given (where the partials are)
    bool found() const { return view || partial; }
    bool is_false() const { return view && view->kind() == View::Kind::flag && !view->flag(); }
    bool is_empty_list() const { return view && view->kind() == View::Kind::list && view->items().empty(); }
  };

  /// False when drawing stopped (kainjow's walk_control::stop).
  bool walk(const std::vector<Component>& children) {
    for (const Component& c : children)
      if (!draw(c)) return false;
    return true;
  }

  bool draw(const Component& c) {
    const auto& tag = c.tag;
    switch (tag.type) {
      case Tag::text:
        if (c.is_newline()) end_line(&c);
        else line_ += c.text;
        return true;
      case Tag::variable:
      case Tag::unescaped_variable: {
        Value v = get(tag.name);
        if (v.view && v.view->kind() == View::Kind::text)
          line_ += tag.type == Tag::variable ? html_escape(v.view->text()) : v.view->text();
        return true;
      }
      case Tag::section_begin: {
        Value v = get(tag.name);
        if (v.found() && !v.is_false() && !v.is_empty_list()) section(c, &v);
        return true;
      }
      case Tag::section_begin_inverted: {
        Value v = get(tag.name);
        if (!v.found() || v.is_false() || v.is_empty_list()) section(c, v.found() ? &v : nullptr);
        return true;
      }
      case Tag::partial: return partial(tag.name);
      default: return true;
    }
  }

  bool partial(const std::string& name) {
    Value v;
    for (size_t i = stack_.size(); i-- > 0 && !v.found();) v = member(stack_[i], name);
    std::optional<Compiled> from_text;  // a text value of that name is drawn as a template
    const Compiled* t = nullptr;
    if (v.partial) {
      if (stack_too_deep()) from_text.emplace(std::string());
      else t = v.partial;
    } else if (v.view && v.view->kind() == View::Kind::text) {
      from_text.emplace(v.view->text());
    } else {
      return true;
    }
    if (from_text) t = &*from_text;
    if (!t->error.empty()) {
      error_ = t->error;
      ++errors_;
      return false;
    }
    size_t errors_before = errors_;
    walk(t->root.children);
    return errors_ == errors_before;
  }

  void section(const Component& c, const Value* v) {
    if (v && v->view && v->view->kind() == View::Kind::list && !v->view->items().empty()) {
      for (const View& item : v->view->items()) {
        in_section_line_ = true;
        stack_.push_back({&item, nullptr, false});
        walk(c.children);
        stack_.pop_back();
        in_section_line_ = true;
      }
    } else if (v) {
      in_section_line_ = true;
      stack_.push_back(*v);
      walk(c.children);
      stack_.pop_back();
      in_section_line_ = true;
    } else {
      in_section_line_ = true;
      walk(c.children);
      in_section_line_ = true;
    }
  }

  /// kainjow's render_current_line: a line that held only section tags and blanks is left out.
  void end_line(const Component* newline) {
    bool blank = std::all_of(line_.begin(), line_.end(), [](char ch) { return ch == ' ' || ch == '\t'; });
    if (!(in_section_line_ && blank)) {
      out_ += line_;
      if (newline) out_ += newline->text;
    }
    line_.clear();
    in_section_line_ = false;
  }

  /// A member of an object; the last of that name, as kainjow's set() keeps the last.
  Value member(const Value& in, const std::string& name) const {
    if (in.root)
      if (const Compiled* p = theme_.partial_named(name)) return {nullptr, p, false};
    if (!in.view || in.view->kind() != View::Kind::object) return {};
    const auto& members = in.view->members();
    for (size_t i = members.size(); i-- > 0;)
      if (members[i].first == name) return {&members[i].second, nullptr, false};
    return {};
  }

  /// kainjow's context::get: "." is the innermost value; "a.b" looks a up, then b in it.
  Value get(const std::string& name) const {
    if (name == ".") return stack_.back();
    if (name.find('.') == std::string::npos) {
      for (size_t i = stack_.size(); i-- > 0;)
        if (Value v = member(stack_[i], name); v.found()) return v;
      return {};
    }
    const auto names = kainjow::mustache::split(name, '.');
    for (size_t i = stack_.size(); i-- > 0;) {
      Value v = stack_[i];
      for (const auto& n : names) {
        v = member(v, n);
        if (!v.found()) break;
      }
      if (v.found()) return v;
    }
    return {};
  }

  const Theme& theme_;
  std::string& out_;
  std::vector<Value> stack_;  // innermost last
  std::string line_;          // the line being drawn
  bool in_section_line_ = false;
  std::string error_;
  size_t errors_ = 0;
};

const Theme::Compiled* Theme::partial_named(const std::string& name) const {
  auto it = std::lower_bound(partials_.begin(), partials_.end(), name,
                             [](const auto& p, const std::string& n) { return p.first < n; });
  if (it == partials_.end() || it->first != name) return nullptr;
  return compiled_partials_[static_cast<size_t>(it - partials_.begin())].get();
}

std::string Theme::render(const std::string& name, const View& view, Diagnostics& diags) const {
  if (!usable_) return {};  // the load said why
  std::string path = "templates/" + name;
  std::shared_ptr<const Compiled> compiled;
  {
    std::lock_guard<std::mutex> lock(*mutex_);
    auto& slot = compiled_[path];
    if (!slot) {
      const std::string* text = file(path);
      if (!text) {
        diags.add({Severity::error, "theme.template", "the theme has no template " + path, {}, origin(path), {}, {}});
        return {};
      }
      slot = std::make_shared<const Compiled>(*text);
    }
    compiled = slot;
  }
  if (!compiled->error.empty()) {
    diags.add({Severity::error, "theme.template", "template error: " + compiled->error, {}, origin(path), {}, {}});
    return {};
  }
  render_stack_base = stack_position();
  render_stack_exhausted = false;
  std::string out;
  Drawer drawer(*this, view, out);
  drawer.draw(*compiled);
  if (render_stack_exhausted) {
    diags.add({Severity::error, "theme.partial-depth",
               "partials nest too deep to draw " + path + " (a cycle the theme check did not see?)", {}, origin(path),
               {}, {}});
    return {};
  }
  if (!drawer.error().empty()) {
    diags.add({Severity::error, "theme.template", "template error: " + drawer.error(), {}, origin(path), {}, {}});
    return {};
  }
  return out;
}

}  // namespace rs
