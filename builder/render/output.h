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
  uint64_t input_key = 0;     // pages with declared inputs: of those inputs (0: none declared)
  bool reused = false;        // pages: unchanged since the last build, so not drawn again (bytes empty)
};

/// What the last published build drew at a page path.
struct PreviousPage {
  uint64_t fingerprint = 0;
  uint64_t input_key = 0;
};
using PageFingerprints = std::unordered_map<std::string, PreviousPage>;

/// What pages declare as their inputs besides single files (whose hashes the
/// model's SourceSet keeps), worked out once per build, so a page whose inputs
/// are unchanged is not even prepared again.
struct InputHashes {
  uint64_t everything_else = 0;  // site settings, committees, people, glossary, reports, pages, documents, as_of
};

struct RenderContext {
  const Model& model;
  const ResolvedSite& site;
  const Theme& theme;
  const MarkdownRenderer& markdown;
  std::string version;
  /// When set, a page whose fingerprint is found here unchanged is not drawn again.
  const PageFingerprints* previous = nullptr;
  /// When set, outputs may reuse work of earlier builds on unchanged input.
  MemoStore* memo = nullptr;
  /// When set, pages that declare their inputs are keyed by them.
  const InputHashes* inputs = nullptr;
  /// Prepare pages even when their input key matches, and report any whose data changed anyway.
  bool verify_input_keys = false;
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
