#pragma once
// What a plugin answers on standard output: diagnostics, positioned by the ids
// and fields they name, and files for the output at checked paths.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/model/model.h"
#include "reportsite/plugin/external_plugin.h"
#include "reportsite/plugin/json.h"
#include "reportsite/resolve/resolve.h"

namespace rs {

/// The paths a plugin may not write: the build's own files and the folders
/// they sit in, `keep:` entries, and files an earlier plugin wrote.
class PluginPaths {
 public:
  PluginPaths(const std::vector<std::string>& built, const std::vector<std::string>& keep);
  /// Why `path` may not be written ("" when it may): "leads out of the output folder (`..`)".
  std::string problem(const std::string& path) const;
  /// Records that `plugin` writes `path`.
  void claim(const std::string& path, const std::string& plugin);

 private:
  std::map<std::string, std::string> files_;    // path → who writes it
  std::map<std::string, std::string> folders_;  // folder → who writes into it
  std::vector<std::string> keep_;
};

/// Where a plugin's `at` points: a span, else a path to name, plus what could not be found.
struct PluginTarget {
  Span span;
  std::string where;
  std::string unresolved;  // "no meeting `x`": said in the message
  const Text* text = nullptr;  // the prose field it is in, if any (for allow markers)
  size_t begin = 0;            // the value byte it starts at, in `text` as written
};
PluginTarget plugin_target(const Json* at, const Model& model, const ResolvedSite& site, Span fallback);

struct PluginAnswer {
  std::vector<Diagnostic> diagnostics;
  /// For each diagnostic: the prose field it points into (null if none) and
  /// the byte of it where the finding starts, for allow markers.
  std::vector<std::pair<const Text*, size_t>> in_text;
  std::vector<PluginFile> files;
  std::vector<PluginPage> pages;
};

/// True for a path a browser would show as a web page (.html, .htm, .xhtml):
/// such a file must come as a page, so it is checked like the site's own.
bool is_html_path(const std::string& path);

/// Reads a plugin's standard output. Invalid JSON, or JSON of the wrong shape,
/// is one plugin.bad-json error at the plugin's `command:` and nullopt. Bad
/// paths are plugin.bad-path errors, and then no file is returned.
std::optional<PluginAnswer> read_plugin_answer(const std::string& output, const ExternalPlugin& plugin,
                                               const Model& model, const ResolvedSite& site, PluginPaths& paths,
                                               Diagnostics& diags);

}  // namespace rs
