#include "theme.h"

#include <kainjow/mustache.hpp>

#include "core/strings.h"

namespace rs {

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
  return t;
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
    ctx.set(partial, kainjow::mustache::partial([text = body] { return *text; }));
  std::string out = compiled->tmpl.render(ctx);
  if (!compiled->tmpl.is_valid()) {
    diags.add({Severity::error, "theme.template", "template error: " + compiled->tmpl.error_message(), {}, origin(path),
               {}, {}});
    return {};
  }
  return out;
}

}  // namespace rs
