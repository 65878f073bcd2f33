#pragma once
// The theme: Mustache templates, partials and assets. The default theme is
// compiled into the executable; a site's themes/<name>/ files replace built-in
// files of the same name, so a council can change its header alone.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/core/fs.h"

#include "reportsite/render/view_data.h"

namespace rs {

/// The built-in default theme (generated from themes/default at build time).
const std::map<std::string, std::string>& builtin_theme_files();

class Theme {
 public:
  /// Built-in files overlaid with `site_root`/themes/`name`/. A named theme
  /// that does not exist is an error unless it is "default".
  static Theme load(const FileSystem& fs, const std::string& site_root, const std::string& name, Diagnostics& diags);
  Theme();
  ~Theme();
  Theme(Theme&&) noexcept;
  Theme& operator=(Theme&&) noexcept;

  const std::string* file(const std::string& path) const;
  /// Files under assets/, relative to it.
  std::vector<std::string> assets() const;
  /// Render templates/<name>, with partials from partials/. Returns "" and reports theme.template on error.
  std::string render(const std::string& name, const View& data, Diagnostics& diags) const;
  /// Changes whenever a page drawn with templates/<name> inside the layout
  /// could change: that template, the layout or any partial.
  uint64_t fingerprint(const std::string& name) const;
  /// Where a theme file came from: "themes/x/templates/a.mustache" or "built-in default theme".
  std::string origin(const std::string& path) const;
  /// False when partials include themselves (theme.partial-cycle), nest deeper than
  /// kMaxPartialDepth (theme.partial-depth) or an include names no partial file
  /// (theme.partial-missing), all reported at load: drawing might not end, so
  /// render() draws nothing.
  bool usable() const { return usable_; }
  static constexpr size_t kMaxPartialDepth = 32;

 private:
  static Theme load_files(const FileSystem& fs, const std::string& site_root, const std::string& name,
                          Diagnostics& diags);
  struct Compiled;
  class Drawer;
  /// The compiled partial of that name, or null.
  const Compiled* partial_named(const std::string& name) const;
  /// Find partial cycles, too-deep nesting and missing partials; report them and clear usable_.
  void check_partials(Diagnostics& diags);
  bool usable_ = true;
  std::map<std::string, std::string> files_;
  std::map<std::string, std::string> origins_;
  std::vector<std::pair<std::string, const std::string*>> partials_;  // name → text, found once at load, by name
  std::vector<std::shared_ptr<const Compiled>> compiled_partials_;   // the same order
  std::map<std::string, uint64_t> template_hashes_;                   // "templates/x.mustache" → hash
  uint64_t partials_hash_ = 0;
  // Templates are compiled on first use; drawing never changes them, so every thread shares them.
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();  // a pointer, so the theme can move
  mutable std::map<std::string, std::shared_ptr<const Compiled>> compiled_;
};

}  // namespace rs
