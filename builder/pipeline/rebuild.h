#pragma once
// What a build reuses from the last one, and every decision to reuse, in one
// place (as ninja keeps its build log and dirty scan apart from the builder):
// the build cache (what the last build read and wrote), the memo (work done
// by input hash) and the pages the last build published. build_site asks this
// object; stages and pages never look at the cache themselves.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "reportsite/check/page_check.h"
#include "reportsite/core/diagnostics.h"
#include "reportsite/core/fs.h"
#include "reportsite/core/memo_store.h"
#include "reportsite/pipeline/pipeline.h"
#include "reportsite/render/output.h"
#include "reportsite/write/build_cache.h"
#include "reportsite/write/write_site.h"

namespace rs {

class Rebuild : public PageReuse {
 public:
  /// A build that keeps no state (`check`, or use_cache off) reuses nothing.
  Rebuild() = default;
  Rebuild(Rebuild&&) = default;
  Rebuild& operator=(Rebuild&&) = default;
  /// Reads what the last build into `out` left (its cache and memo, in the
  /// site's state folder); `target` is where out's files really are. On an
  /// I/O error (the state folder cannot be made) it says so in `diags` and
  /// returns nullopt.
  static std::optional<Rebuild> open(FileSystem& fs, const BuildOptions& options, const Registry& registry,
                                     const std::string& out, const std::string& target, Diagnostics& diags);

  /// No input changed since the last build, and all it wrote is intact: nothing to do.
  bool up_to_date() const { return up_to_date_; }
  /// What that build found about the site, again, pointing into `sources`
  /// (the files they name are read into it): a no-change build reports the
  /// same findings, in the same form, as the build that made the output.
  std::vector<Diagnostic> cached_findings(const FileSystem& fs, SourceSet& sources) const;

  /// Work of earlier builds by input hash (null when the build keeps none).
  MemoStore* memo() { return memo_ ? &*memo_ : nullptr; }
  /// Writes what the memo computed so far; `last` once, at the end. A memo
  /// that cannot be saved is said once (cache.unsaved): the next build redoes the work.
  void save_memo(FileSystem& fs, bool last, Diagnostics& diags);

  /// Gives the pages this object's decisions (ctx.reuse): the last build's
  /// pages still intact, with what each read, against this build's model.
  /// This object must stay where it is while the pages are drawn.
  void prepare_pages(const Model& model, const ResolvedSite& site, RenderContext& ctx);

  // PageReuse: the decisions draw_pages asks for.
  const ReadHashes& hashes() const override { return *read_hashes_; }
  const PreviousPage* reuse_unprepared(const std::string& path) const override;
  bool same_as_published(const std::string& path, uint64_t fingerprint) const override;
  bool verify() const override { return verify_; }
  std::optional<uint64_t> published_hash(const std::string& path) const override;
  std::optional<std::string> published_bytes(const std::string& path) const override;
  /// The summary of a page reused unchanged.
  const PageSummary& previous_summary(const std::string& path) const { return summaries_.at(path); }
  /// A page reused unparsed is only as good as its links: true when a file
  /// went, or a redrawn page lost an id, so every page must be checked again.
  /// `pages` are the build's pages (with `reused` set for those not drawn) and
  /// `summaries` what the page check read of them, in the same order.
  bool reused_links_may_break(const std::set<std::string>& paths, const std::vector<const OutputFile*>& pages,
                              const std::vector<PageSummary>& summaries) const;
  /// The summary of a page reused unchanged, or null when there is none.
  const PageSummary* find_summary(const std::string& path) const {
    auto it = summaries_.find(path);
    return it == summaries_.end() ? nullptr : &it->second;
  }

  /// Called before the output changes: no cache may vouch for it meanwhile,
  /// so a build killed half way is not taken for up to date.
  void before_writing(FileSystem& fs);
  /// After publishing: what was read and written, and the pages that may be
  /// reused (those without findings), for the next build.
  /// `staged` is what published the output (nullptr: none did).
  void record(FileSystem& fs, const std::string& target, BuildResult& r, const std::vector<size_t>& page_file,
              const std::vector<PageSummary>& summaries, const std::set<std::string>& pages_with_findings,
              const StagedOutput* staged);

 private:
  bool keeps_state_ = false, up_to_date_ = false, memo_unsaved_ = false, verify_ = false;
  bool timings_ = false;  // print the parts of opening and recording (BuildOptions::timings)
  std::string cache_path_, memo_path_, builder_, key_, target_;
  const FileSystem* fs_ = nullptr;
  std::optional<BuildCache> cache_;
  std::vector<InputStamp> stamps_;
  std::unordered_map<std::string, FileStamp> intact_;  // outputs that still hold what the last build wrote, as found
  struct KeptPage {
    PreviousPage previous;                              // its reads are kept below, by key place
    std::vector<std::pair<uint32_t, uint64_t>> reads;  // places in read_keys_, and hashes
  };
  std::unordered_map<std::string, KeptPage> fingerprints_;  // the last build's pages still on disk
  std::vector<std::string> read_keys_;                      // the keys their reads name
  std::unordered_map<std::string, PageSummary> summaries_;
  std::optional<MemoStore> memo_;
  std::unique_ptr<ReadHashes> read_hashes_;
  std::map<std::string, std::string> output_versions_;  // each output's version(), by name
};

}  // namespace rs
