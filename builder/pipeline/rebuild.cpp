#include "reportsite/pipeline/rebuild.h"

#include <algorithm>

#include "reportsite/core/hash.h"
#include "reportsite/core/parallel.h"
#include "reportsite/core/stage_timer.h"
#include "reportsite/load/load_site.h"
#include "reportsite/render/theme.h"
#include "reportsite/write/output_folder.h"

namespace rs {

namespace {
/// The builder that draws the pages: the library's version and build id
/// (fixed when it was compiled, whichever program links it), the version the
/// pages show, the checks and outputs it runs, the built-in theme and the
/// output folder. Pages drawn by another builder are never reused. A page
/// rule's version is here (a new one must see every page again); an output's
/// is read by its own pages, and a check's is in the key only (checks run on
/// every build that is not skipped whole), so either redoes its own work only.
/// The memo's identity leaves page rules out: a page rule's new version makes
/// every page be drawn and checked again, but reading and checking the site
/// are not redone for it.
std::string builder_identity(const BuildOptions& options, const Registry& registry, const std::string& out,
                             bool page_rules = true) {
  Hasher theme;
  for (const auto& [path, bytes] : builtin_theme_files()) theme.add(path).add(bytes);
  std::string parts;
  for (const auto& c : registry.checks) parts += " check:" + c->name();
  for (const auto& o : registry.outputs) parts += " output:" + o->name();
  for (const auto& p : registry.page_rules) parts += " page-rule:" + p->name() + (page_rules ? "@" + p->version() : "");
  return std::string("reportsite ") + library_version() + " build " + build_id() + "; pages say " + options.version +
         ";" + parts + "; out " + out + "; theme " + std::to_string(theme.value());
}

/// Each output as written: its hash from what was written (or, for a reused
/// or copied file, from the record that vouched for it), its identity as now
/// on disk. A file the publish left where it was keeps the stamp found when
/// the build began: the same file, and not stat'ed again.
std::vector<FileStamp> stamp_outputs(const FileSystem& fs, const std::string& out, const std::vector<OutputFile>& files,
                                     const std::vector<InputStamp>& inputs, const std::vector<FileStamp>& previous,
                                     const std::unordered_map<std::string, FileStamp>& intact,
                                     const StagedOutput* staged) {
  std::unordered_map<std::string_view, uint64_t> known;
  for (const auto& s : inputs) known.emplace(s.path, s.hash);  // by input_digest()
  for (const auto& s : previous) known.emplace(s.path, s.hash);
  std::vector<FileStamp> stamps(files.size() + 1);
  parallel_for(stamps.size(), [&](size_t i) {
    FileStamp& s = stamps[i];
    s.path = i < files.size() ? files[i].path : kOutputMarker;
    if (staged && staged->left_in_place(s.path))
      if (auto found = intact.find(s.path); found != intact.end()) {
        s = found->second;
        return;
      }
    std::string full = join_path(out, s.path);
    fs.stat_identity(full, &s.size, &s.mtime_ns, &s.identity);
    const OutputFile* f = i < files.size() ? &files[i] : nullptr;
    std::string name = !f ? "" : f->copy_from.empty() ? f->path : input_digest(f->copy_from);
    auto it = !f ? known.end() : known.find(name);
    if (f && f->staged) s.hash = f->content_hash;
    else if (f && f->copy_from.empty() && !f->reused) s.hash = hash_bytes(f->bytes);
    else if (it != known.end()) s.hash = it->second;
    else s.hash = hash_bytes(fs.read(full, nullptr).value_or(""));
  });
  return stamps;
}

}  // namespace

std::optional<Rebuild> Rebuild::open(FileSystem& fs, const BuildOptions& options, const Registry& registry,
                                     const std::string& out, const std::string& target, Diagnostics& diags) {
  Rebuild rb;
  if (!options.write || !options.use_cache) return rb;
  rb.keeps_state_ = true;
  rb.fs_ = &fs;
  rb.target_ = target;
  rb.verify_ = options.verify_input_keys;
  rb.timings_ = options.timings;
  rb.cache_path_ = state_path(fs, options.site_dir, out, "cache");
  rb.memo_path_ = state_path(fs, options.site_dir, out, "memo");
  std::string error;
  if (!fs.make_private_dir(state_dir(options.site_dir), &error)) {
    diags.add({Severity::error, "write.io", error + "; nothing was written", {}, state_dir(options.site_dir), {}, {}});
    return std::nullopt;
  }

  StageTimer timer(options.timings);
  // A rebuild with nothing changed does no work (and rewrites nothing).
  rb.cache_ = read_cache(fs, rb.cache_path_, diags);
  timer.lap("  cache read");
  Model settings_only;  // as_of may come from data/site.yaml, so read that file alone
  Diagnostics ignore;
  const std::string settings = join_path(options.site_dir, "data/site.yaml");
  if (fs.exists(settings)) {
    settings_only.root = options.site_dir;
    FileId f = settings_only.sources.add(settings, fs.read(settings, nullptr).value_or(""));
    load_settings(settings_only, f, ignore);
  }
  rb.builder_ = builder_identity(options, registry, out);
  std::string versions;  // what a no-change build must also have the same of
  for (const auto& c : registry.checks) versions += " check:" + c->name() + "@" + c->version();
  for (const auto& o : registry.outputs) {
    versions += " output:" + o->name() + "@" + o->version();
    rb.output_versions_[o->name()] = o->version();
  }
  rb.key_ = rb.builder_ + ";" + versions + "; as_of " + choose_as_of(settings_only, {options.as_of, options.source_date_epoch}).iso();
  rb.stamps_ = stamp_inputs(fs, site_inputs(fs, options.site_dir), rb.cache_ ? &rb.cache_->inputs : nullptr);
  timer.lap("  cache inputs");
  auto same = [](const InputStamp& a, const InputStamp& b) {
    return a.path == b.path && a.size == b.size && a.hash == b.hash;
  };
  const BuildCache* cache = rb.cache_ ? &*rb.cache_ : nullptr;
  bool unchanged = cache && cache->key == rb.key_ && fs.is_dir(out) &&
                   std::equal(rb.stamps_.begin(), rb.stamps_.end(), cache->inputs.begin(), cache->inputs.end(), same);
  // ... and every file it wrote still holds what was written (a restored cache cannot vouch for stale files).
  if (cache) rb.intact_ = intact_outputs(fs, target, cache->outputs);
  timer.lap("  cache outputs");
  if (unchanged) unchanged = rb.intact_.size() == cache->outputs.size();
  // Plugins read what the builder cannot stamp (their own scripts and data), so they run on every build.
  if (unchanged && !settings_only.site.plugins.empty()) unchanged = false;
  rb.up_to_date_ = unchanged;
  if (unchanged) return rb;

  // Pages the last build published that may be reused: drawn by this builder, still on disk.
  if (cache && cache->builder == rb.builder_) {
    PageRecords records = read_page_records(*cache);
    rb.read_keys_ = std::move(records.read_keys);
    for (auto& page : records.pages) {
      if (!rb.intact_.count(page.path)) continue;
      rb.fingerprints_.emplace(page.path, KeptPage{{page.fingerprint, {}, false}, std::move(page.reads)});
      rb.summaries_.emplace(page.path, PageSummary{std::move(page.title), std::move(page.ids)});
    }
  }
  timer.lap("  cache pages");
  // Work done by earlier builds (files parsed, prose checked), by input hash.
  const std::string memo_builder = builder_identity(options, registry, out, false);
  rb.memo_.emplace(memo_builder);
  if (fs.exists(rb.memo_path_)) {
    std::string why = "unreadable";
    if (auto bytes = fs.read(rb.memo_path_, nullptr)) rb.memo_ = MemoStore::parse(std::move(*bytes), memo_builder, &why);
    if (!why.empty())
      diags.add({Severity::warning, "cache.ignored",
                 "the memo of earlier builds is " + why + ": it was ignored and everything done afresh", {},
                 rb.memo_path_, {}, {}});
  }
  timer.lap("  cache memo");
  return rb;
}

void Rebuild::save_memo(FileSystem& fs, bool last, Diagnostics& diags) {
  if (!memo_) return;
  // Kept even when this build fails: the next one, after a fix, redoes only what changed.
  if (!memo_->save(fs, memo_path_, last) && !memo_unsaved_) {
    memo_unsaved_ = true;  // said once; the next build just redoes the work
    diags.add({Severity::warning, "cache.unsaved",
               "the memo of this build could not be saved: the next build will redo all of its work", {}, memo_path_,
               {}, {}});
  }
  if (last) memo_.reset();
}

void Rebuild::prepare_pages(const Model& model, const ResolvedSite& site, RenderContext& ctx) {
  ctx.memo = memo();
  if (!keeps_state_) return;  // only a build that keeps a cache has use for what pages read
  read_hashes_ = std::make_unique<ReadHashes>(model, site, ctx.theme);
  read_hashes_->set_output_versions(output_versions_);
  ctx.reuse = this;
  // Whether each page the last build drew is unchanged, decided here once:
  // each key any page read is hashed once (the cache names each once), not
  // once for every page that read it, on one thread (two contend for the
  // hashes' lock, each new key a write: slower than one); then each page is a
  // walk over numbers.
  std::vector<char> used(read_keys_.size(), 0);
  for (const auto& [path, page] : fingerprints_)
    for (const auto& [key, hash] : page.reads) used[key] = 1;
  std::vector<uint64_t> now(read_keys_.size(), 0);
  for (size_t i = 0; i < read_keys_.size(); ++i)
    if (used[i]) now[i] = read_hashes_->of(read_keys_[i]);
  for (auto& [path, page] : fingerprints_) {
    bool same = !page.reads.empty();  // a page that recorded nothing was not recorded at all
    for (const auto& [key, hash] : page.reads)
      if (hash == 0 || now[key] != hash) {  // 0: a key no accessor makes
        same = false;
        break;
      }
    page.previous.unchanged = same;
  }
}

std::vector<Diagnostic> Rebuild::cached_findings(const FileSystem& fs, SourceSet& sources) const {
  std::vector<Diagnostic> out;
  if (!cache_) return out;
  // The files are read back from state beside the site: only the site's own inputs, unchanged since (up_to_date).
  std::set<std::string_view> inputs;  // by input_digest(), as stamped
  for (const auto& s : stamps_) inputs.insert(s.path);
  std::vector<FileId> ids;
  for (const auto& path : cache_->finding_files) {
    std::optional<std::string> bytes;
    if (inputs.count(input_digest(path))) bytes = fs.read(path, nullptr);
    ids.push_back(bytes ? sources.add(path, std::move(*bytes)) : kNoFile);
  }
  for (Diagnostic d : cache_->findings) {
    if (d.span.known()) {
      FileId file = d.span.file < ids.size() ? ids[d.span.file] : kNoFile;
      if (file == kNoFile || d.span.end > sources.content(file).size()) {
        d.where = d.span.file < cache_->finding_files.size() ? cache_->finding_files[d.span.file] : d.where;
        d.span = {};
      } else {
        d.span.file = file;
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

const PreviousPage* Rebuild::reuse_unprepared(const std::string& path) const {
  auto it = fingerprints_.find(path);
  if (it == fingerprints_.end() || !it->second.previous.unchanged) return nullptr;
  return &it->second.previous;
}

std::optional<uint64_t> Rebuild::published_hash(const std::string& path) const {
  auto it = intact_.find(path);
  if (it == intact_.end()) return std::nullopt;
  return it->second.hash;
}

std::optional<std::string> Rebuild::published_bytes(const std::string& path) const {
  if (!fs_ || !intact_.count(path)) return std::nullopt;
  return fs_->read(join_path(target_, path), nullptr);
}

bool Rebuild::same_as_published(const std::string& path, uint64_t fingerprint) const {
  auto it = fingerprints_.find(path);
  return it != fingerprints_.end() && it->second.previous.fingerprint == fingerprint;
}

bool Rebuild::reused_links_may_break(const std::set<std::string>& paths, const std::vector<const OutputFile*>& pages,
                                     const std::vector<PageSummary>& summaries) const {
  if (!cache_ || fingerprints_.empty()) return false;
  for (const auto& p : cache_->outputs)
    if (p.path != kOutputMarker && !paths.count(p.path)) return true;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i]->reused) continue;
    auto it = summaries_.find(pages[i]->path);
    if (it == summaries_.end()) continue;
    if (!std::includes(summaries[i].ids.begin(), summaries[i].ids.end(), it->second.ids.begin(), it->second.ids.end()))
      return true;
  }
  return false;
}

void Rebuild::before_writing(FileSystem& fs) {
  if (cache_) fs.remove_all(cache_path_, nullptr);
}

void Rebuild::record(FileSystem& fs, const std::string& target, BuildResult& r, const std::vector<size_t>& page_file,
                     const std::vector<PageSummary>& summaries, const std::set<std::string>& pages_with_findings,
                     const StagedOutput* staged) {
  if (!keeps_state_ || !r.published) return;
  StageTimer timer(timings_);
  BuildCache c;
  c.builder = builder_;
  c.key = key_;
  c.outputs = stamp_outputs(fs, target, r.files, stamps_, cache_ ? cache_->outputs : std::vector<FileStamp>{}, intact_,
                            staged);
  timer.lap("  record outputs");
  c.inputs = std::move(stamps_);
  // Only pages with no finding are reused, so a rebuild reports every finding again.
  // Each key is written once; the views point into this build's reads and the last cache's keys.
  std::unordered_map<std::string_view, uint32_t> key_place;
  std::vector<int64_t> from_last(read_keys_.size(), -1);  // a last-cache key's place in this one
  auto place = [&](std::string_view key) {
    auto [it, added] = key_place.emplace(key, static_cast<uint32_t>(c.read_keys.size()));
    if (added) c.read_keys.emplace_back(key);
    return it->second;
  };
  for (size_t k = 0; k < page_file.size(); ++k) {
    const OutputFile& f = r.files[page_file[k]];
    if (pages_with_findings.count(f.path)) continue;
    PageRecord page{f.path, f.fingerprint, {}, summaries[k].title, summaries[k].ids};
    auto kept = f.reused && f.reads.empty() ? fingerprints_.find(f.path) : fingerprints_.end();
    if (kept != fingerprints_.end()) {  // not prepared: it read what it read last time
      for (const auto& [key, hash] : kept->second.reads) {
        if (from_last[key] < 0) from_last[key] = place(read_keys_[key]);
        page.reads.emplace_back(static_cast<uint32_t>(from_last[key]), hash);
      }
    } else {
      for (const auto& read : f.reads) page.reads.emplace_back(place(read.key), read.hash);
    }
    c.pages.push_back(std::move(page));
  }
  timer.lap("  record pages");
  // What the next no-change build reports again: this build's findings about the site, not about the cache.
  std::map<FileId, uint32_t> file_index;
  for (const auto& d : r.diagnostics) {
    if (d.rule.rfind("cache.", 0) == 0) continue;
    Diagnostic kept = d;
    if (d.span.known()) {
      auto [it, added] = file_index.emplace(d.span.file, static_cast<uint32_t>(c.finding_files.size()));
      if (added) c.finding_files.push_back(r.model.sources.path(d.span.file));
      kept.span.file = it->second;
    }
    c.findings.push_back(std::move(kept));
  }
  timer.lap("  record findings");
  bool saved = write_cache(fs, cache_path_, c);
  timer.lap("  record write");
  if (!saved)
    r.diagnostics.push_back({Severity::warning, "cache.unsaved",
                             "the build cache could not be saved: the next build will do all of its work again", {},
                             cache_path_, {}, {}});
}

}  // namespace rs
