#pragma once
// Stage 4: render. Every kind of output (the HTML pages, the search index,
// feeds, exports) implements OutputKind and is registered in builtin_outputs();
// the built-in pages use the same interface a third party would.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostics.h"
#include "core/fs.h"
#include "markdown.h"
#include "model/model.h"
#include "page_reads.h"
#include "resolve/resolve.h"
#include "theme.h"

namespace rs {

class MemoStore;

/// One file of the site, path relative to the output root ('/'-separated).
struct OutputFile {
  std::string path;
  std::string bytes;
  std::string template_name;  // set for HTML pages: which template drew it
  std::string copy_from;      // when set, the file is copied from this input path instead of `bytes`
  uint64_t fingerprint = 0;   // pages: of the template data and templates that drew it
  PageReads reads;            // pages: what the page read, with hashes (empty: not to be reused by them)
  bool reused = false;        // pages: unchanged since the last build, so not drawn again (bytes empty)
};

/// What the last published build drew at a page path.
struct PreviousPage {
  uint64_t fingerprint = 0;
  PageReads reads;
};
using PageFingerprints = std::unordered_map<std::string, PreviousPage>;

/// The rebuild layer's decisions about pages (pipeline/rebuild.h makes them);
/// draw_pages (view.h) only asks.
class PageReuse {
 public:
  virtual ~PageReuse() = default;
  /// The hashes of what each read key holds in this build.
  virtual const ReadHashes& hashes() const = 0;
  /// The last build's page at `path` when it can be reused without preparing
  /// this one: everything it read holds the same now.
  virtual const PreviousPage* reuse_unprepared(const std::string& path) const = 0;
  /// True when the last build published the same data at `path`, drawn by the same templates.
  virtual bool same_as_published(const std::string& path, uint64_t fingerprint) const = 0;
  /// Prepare every page anyway and report one whose data changed while its reads did not.
  virtual bool verify() const = 0;
};

struct RenderContext {
  const Model& model;
  const ResolvedSite& site;
  const Theme& theme;
  const MarkdownRenderer& markdown;
  std::string version;
  /// When set, pages are reused by what they read (a build that keeps a cache).
  const PageReuse* reuse = nullptr;
  /// When set, outputs may reuse work of earlier builds on unchanged input.
  MemoStore* memo = nullptr;
  /// Print each output's time to stderr (BuildOptions::timings).
  bool timings = false;
};

class OutputKind {
 public:
  virtual ~OutputKind() = default;
  virtual std::string name() const = 0;
  /// Append this kind's files to `out`; report problems to `diags`.
  virtual void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics& diags) const = 0;
};

/// Every output kind, in the order they run.
std::vector<std::unique_ptr<OutputKind>> builtin_outputs();
std::unique_ptr<OutputKind> make_page_output();
std::unique_ptr<OutputKind> make_asset_output();
std::unique_ptr<OutputKind> make_search_output();
std::unique_ptr<OutputKind> make_feed_output();
std::unique_ptr<OutputKind> make_undertaking_exports();
std::unique_ptr<OutputKind> make_data_export();

/// Render the whole site in memory; files sorted by path.
std::vector<OutputFile> render_site(const RenderContext& ctx, Diagnostics& diags);
/// The same with the outputs a build was given (a Registry's), in their order.
std::vector<OutputFile> render_site(const RenderContext& ctx, const std::vector<std::unique_ptr<OutputKind>>& outputs,
                                    Diagnostics& diags);

/// The abbreviation → expansion map the Markdown renderer marks up.
std::map<std::string, std::string> glossary_abbreviations(const Model& model);

}  // namespace rs
