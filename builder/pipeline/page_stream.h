#pragma once
// Each page as it is drawn, on the worker thread that drew it: checked by
// the registry's page rules (the built-in page.* rules first, keeping of it
// only what the checks across pages need: title, ids, links to other pages)
// and written to the staging folder. The checks across pages run once every
// page is in.
#include <memory>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "reportsite/check/page_check.h"
#include "reportsite/core/diagnostics.h"
#include "reportsite/core/fs.h"
#include "reportsite/pipeline/registry.h"
#include "reportsite/pipeline/rebuild.h"
#include "reportsite/render/output.h"
#include "reportsite/write/write_site.h"

namespace rs {

class PageStream : public PageSink {
 public:
  /// `staged` is null for a build that writes nothing: its pages keep their bytes.
  PageStream(const Theme& theme, const Registry& registry, const Rebuild& rebuild, StagedOutput* staged);
  ~PageStream() override;

  void start(const std::vector<OutputFile>& files, const std::vector<PageDeclaration>& pages) override;
  /// Before rendering: a file the build writes that no output makes (a plugin's), so pages may link to it.
  void add_path(const std::string& path) { paths_.insert(path); }
  /// Before rendering: the page at `path` is a plugin's, so its findings blame `who`, not the theme.
  void add_plugin_page(const std::string& path, std::string who) { plugin_pages_[path] = std::move(who); }
  void take(size_t i, OutputFile& page, Diagnostics& diags) override;
  void take_file(OutputFile& file, Diagnostics& diags) override;

  struct Result {
    std::vector<Diagnostic> findings;    // the page check's and the page rules', `where` = the page
    std::vector<size_t> page_file;       // for each page, its place in `files`
    std::vector<PageSummary> summaries;  // in the same order
  };
  /// Pass 2, once render_site has returned `files` (sorted by path). Pages
  /// reused unparsed are read back from `out` and checked afresh when a link
  /// into them may have broken.
  Result finish(const FileSystem& fs, const std::string& out, std::vector<OutputFile>& files);

 private:
  void check_drawn(size_t k, const std::string& html, Diagnostics& found) const;
  void known(size_t k, const std::string& path) const;

  const Theme& theme_;
  const Registry& registry_;
  const Rebuild& rebuild_;
  StagedOutput* staged_;
  std::map<std::string, std::string> plugin_pages_;  // path → "the page plugin `x` answered"
  std::set<std::string> paths_;          // every file the build makes
  std::vector<RenderedPage> pages_;      // every page by number: path and blamed template
  size_t drawn_by_outputs_ = 0;          // pages an output drew itself come first
  std::vector<std::unique_ptr<PageRuleRun>> runs_;  // one per page rule, for this build
  bool started_ = false;
  Diagnostics findings_;
};

}  // namespace rs
