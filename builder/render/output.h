#pragma once
// Stage 4: render. Every kind of output (the HTML pages, the search index,
// feeds, exports) implements OutputKind and is registered in builtin_outputs();
// the built-in pages use the same interface a third party would.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "reportsite/core/diagnostics.h"
#include "reportsite/core/fs.h"
#include "reportsite/render/markdown.h"
#include "reportsite/model/model.h"
#include "reportsite/render/page_reads.h"
#include "reportsite/resolve/resolve.h"
#include "reportsite/render/theme.h"
#include "reportsite/render/view_data.h"

namespace rs {

class MemoStore;
class PageEnv;

/// One file of the site, path relative to the output root ('/'-separated).
struct OutputFile {
  std::string path;
  std::string bytes;
  std::string template_name;  // set for HTML pages: which template drew it
  std::string copy_from;      // when set, the file is copied from this input path instead of `bytes`
  uint64_t fingerprint = 0;   // pages: of the template data and templates that drew it
  PageReads reads = {};       // pages: what the page read, with hashes (empty: not to be reused by them)
  bool reused = false;        // pages: unchanged since the last build, so not drawn again (bytes empty;
                              // reads empty when it was not even prepared: the last build's hold)
  bool staged = false;        // pages: the bytes went to the staging folder as drawn (bytes empty, content_hash set)
  uint64_t content_hash = 0;  // of the bytes, when staged
  /// When set, the bytes instead (empty): ranges of the file the last build
  /// published at `path`, and new bytes (SplicedFile), until staged.
  std::shared_ptr<const FilePieces> pieces = nullptr;
  std::string splice_layout = {};  // SplicedFile: where its parts lie, remembered under the bytes' hash
};

/// What the last published build drew at a page path.
struct PreviousPage {
  uint64_t fingerprint = 0;
  PageReads reads;
  bool unchanged = false;  // every read holds what it held: decided once a build, before pages are drawn
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
  /// The hash of the bytes the last build published at `path` (any file, not
  /// only a page), when the output still holds them; nullopt otherwise.
  virtual std::optional<uint64_t> published_hash(const std::string&) const { return std::nullopt; }
  /// The bytes the last build published at `path`, when the output still holds them.
  virtual std::optional<std::string> published_bytes(const std::string&) const { return std::nullopt; }
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

/// What a page shows, as its declaration prepares it.
struct PageContent {
  std::string title;
  View data;
  std::vector<std::pair<std::string, std::string>> breadcrumbs;  // label, path
};

/// A page as declared: where it is published, the template that draws it,
/// and how its content is prepared (reading the model only through env).
/// Whether it is prepared and drawn at all is the rebuild layer's decision.
struct PageDeclaration {
  std::string path;
  std::string template_name;
  std::function<PageContent(PageEnv&)> prepare;
};

class OutputKind {
 public:
  virtual ~OutputKind() = default;
  virtual std::string name() const = 0;
  /// Part of the build cache's key, so a program rebuilt with changed code
  /// never reports or publishes what the old code made: change it whenever
  /// what this output gives changes ("2", a date, your program's version).
  /// The built-in ones return "": they change only with the library, whose
  /// build id is in the key already. Changing it redoes this output's work only.
  virtual std::string version() const = 0;
  /// Append this kind's files to `out`; report problems to `diags`.
  virtual void render(const RenderContext& ctx, std::vector<OutputFile>& out, Diagnostics& diags) const = 0;
  /// The HTML pages this kind makes, declared (drawn later, one by one, by the build).
  virtual std::vector<PageDeclaration> pages(const RenderContext&, Diagnostics&) const { return {}; }
};

/// Where a build that streams its pages sends each one as it is drawn
/// (pipeline.cpp checks it and writes it to the staging folder at once), so
/// no stage holds the whole site's HTML.
class PageSink {
 public:
  virtual ~PageSink() = default;
  /// Before the first page: every other file made, and every page to come (page i is pages[i]).
  virtual void start(const std::vector<OutputFile>& files, const std::vector<PageDeclaration>& pages) = 0;
  /// Page i, drawn (bytes set) or reused (bytes empty), on a worker thread; it may take the bytes.
  virtual void take(size_t i, OutputFile& page, Diagnostics& diags) = 0;
  /// A file an output made that is not a page (site.json, a feed), as soon as
  /// its output has rendered: it may take the bytes (setting staged and
  /// content_hash), so no stage holds them all.
  virtual void take_file(OutputFile&, Diagnostics&) {}
};

/// A file that is a function of inputs hashing to `key` (`name` names that
/// work in ctx.memo, which keeps only the hash of the bytes it gave): when the
/// last build published the bytes this key gives and the output still holds
/// them, the file is kept as it is (reused, bytes empty) and `make` is not
/// called; else `file.bytes = make()`. Thread-safe.
void make_or_keep(const RenderContext& ctx, const std::string& name, uint64_t key, OutputFile& file,
                  const std::function<std::string()>& make);

/// One large file made of parts (site.json's meetings, say), each a function
/// of inputs hashing to its key, with text between them the output writes
/// itself. A part whose key the last published file also held is kept: the
/// file is given as pieces (OutputFile::pieces), and the part's bytes are
/// copied from the published file only as the file is staged, so neither is
/// held whole. The memo keeps where each part lay (by the file's hash, so
/// never another file's layout).
class SplicedFile {
 public:
  SplicedFile(const RenderContext& ctx, std::string path);
  /// The length of the part with `key` in the published file, if it had one.
  std::optional<uint64_t> previous_size(uint64_t key) const;
  /// Text of the output's own, between parts.
  void text(std::string_view s) { pieces_.add(s); }
  /// A part, whose bytes depend on nothing but what `key` hashes.
  void part(uint64_t key, std::string_view bytes);
  /// The published file's part with `key` when it had one, else `made`
  /// (made because previous_size(key) had no value).
  void keep_or_add(uint64_t key, std::string_view made);
  /// The file: its bytes when every part was made, else its pieces.
  OutputFile finish();

 private:
  void place(uint64_t key, uint64_t length);
  const RenderContext& ctx_;
  std::string path_;
  FilePieces pieces_;
  std::unordered_map<uint64_t, std::pair<uint64_t, uint64_t>> old_parts_;  // key -> offset, length in the published file
  std::vector<uint64_t> layout_;  // key, offset, length of each part, in order
};

/// After `file` was offered to a build's sink (or when there is none): a
/// spliced file that was not staged gets its bytes, from the published file,
/// and its layout goes to ctx.memo under the hash of its bytes. An error when
/// the published file no longer holds what the last build wrote there.
void settle_spliced(const RenderContext& ctx, OutputFile& file, Diagnostics& diags);

/// Every output kind, in the order they run.
std::vector<std::unique_ptr<OutputKind>> builtin_outputs();
std::unique_ptr<OutputKind> make_page_output();
/// The default accessibility statement, for a site that has not written its own.
std::unique_ptr<OutputKind> make_accessibility_statement_output();
/// Each meeting as Akoma Ntoso 3.0 XML (akoma_ntoso.h).
std::unique_ptr<OutputKind> make_akoma_ntoso_output();
std::unique_ptr<OutputKind> make_asset_output();
std::unique_ptr<OutputKind> make_search_output();
std::unique_ptr<OutputKind> make_feed_output();
std::unique_ptr<OutputKind> make_undertaking_exports();
std::unique_ptr<OutputKind> make_data_export();
/// The whole public model as data/open-data.json, its schema, and complaint figures as CSV (open_data.cpp).
std::unique_ptr<OutputKind> make_open_data_export();

/// Render the whole site in memory; files sorted by path.
std::vector<OutputFile> render_site(const RenderContext& ctx, Diagnostics& diags);
/// The same with the outputs a build was given (a Registry's), in their
/// order; the declared pages are drawn after all outputs have rendered, and
/// go to `sink` when there is one.
std::vector<OutputFile> render_site(const RenderContext& ctx, const std::vector<std::unique_ptr<OutputKind>>& outputs,
                                    Diagnostics& diags, PageSink* sink = nullptr);

/// One meeting as site.json writes it: its public content only (an exempt
/// item is its number, title and paragraph). Feeds hash it to see a change.
std::string meeting_json(const Meeting& meeting);

/// The abbreviation → expansion map the Markdown renderer marks up.
std::map<std::string, std::string> glossary_abbreviations(const Model& model);

}  // namespace rs
