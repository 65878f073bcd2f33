#include "pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "check/check.h"
#include "check/page_check.h"
#include "core/hash.h"
#include "core/parallel.h"
#include "core/stage_timer.h"
#include "core/memo_store.h"
#include "load/load_site.h"
#include "plugin/external_plugin.h"
#include "render/markdown.h"
#include "render/theme.h"
#include "write/build_cache.h"
#include "write/output_folder.h"
#include "write/write_site.h"

namespace rs {

namespace {
int exit_code_for(const std::vector<Diagnostic>& ds) {
  bool io = false, error = false;
  for (const auto& d : ds) {
    if (d.severity != Severity::error) continue;
    error = true;
    // Every write.* finding is about the output folder or the disk, not the content.
    io = io || d.rule.rfind("write.", 0) == 0 || d.rule == "load.io" || d.rule == "load.missing-file";
  }
  return io ? 2 : error ? 1 : 0;
}

void finish(BuildResult& r, Diagnostics& diags) {
  diags.sort(r.model.sources);
  r.diagnostics = diags.take();
  r.errors = 0;
  for (const auto& d : r.diagnostics) r.errors += d.severity == Severity::error;
  r.exit_code = exit_code_for(r.diagnostics);
}
/// A page is the layout around its own template. The built-in theme passes the
/// page check, so a fault is named after the site's own template where there is one.
std::string blame_template(const Theme& theme, const std::string& page_template) {
  std::string page = theme.origin("templates/" + page_template), layout = theme.origin("templates/layout.mustache");
  auto built_in = [](const std::string& origin) { return origin.find("(built in)") != std::string::npos; };
  if (built_in(page) && !built_in(layout)) return layout;
  if (!built_in(page) && !built_in(layout)) return page + " or " + layout;
  return page;
}
}  // namespace

BuildResult load_and_resolve(const FileSystem& fs, const BuildOptions& options) {
  BuildResult r;
  Diagnostics diags;
  set_worker_count(options.threads);
  r.model = load_site(fs, options.site_dir, diags);
  r.site = resolve(r.model, {options.as_of, options.source_date_epoch}, diags);
  finish(r, diags);
  return r;
}

namespace {
/// The builder that draws the pages: the library's version and build id
/// (fixed when it was compiled, whichever program links it), the version the
/// pages show, the checks and outputs it runs, the built-in theme and the
/// output folder. Pages drawn by another builder are never reused.
std::string builder_identity(const BuildOptions& options, const Registry& registry, const std::string& out) {
  Hasher theme;
  for (const auto& [path, bytes] : builtin_theme_files()) theme.add(path).add(bytes);
  std::string parts;
  for (const auto& c : registry.checks) parts += " check:" + c->name();
  for (const auto& o : registry.outputs) parts += " output:" + o->name();
  for (const auto& p : registry.page_rules) parts += " page-rule:" + p->name();
  return std::string("reportsite ") + library_version() + " build " + build_id() + "; pages say " + options.version +
         ";" + parts + "; out " + out + "; theme " + std::to_string(theme.value());
}

/// Pages the last build published that may be reused: drawn by this builder, still on disk.
struct PreviousPages {
  PageFingerprints fingerprints;
  std::unordered_map<std::string, PageSummary> summaries;
};
PreviousPages previous_pages(const BuildCache& cache, const std::string& builder,
                             const std::unordered_set<std::string>& intact) {
  PreviousPages p;
  if (cache.builder != builder) return p;
  for (auto& page : read_page_records(cache)) {
    if (!intact.count(page.path)) continue;
    p.fingerprints.emplace(page.path, PreviousPage{page.fingerprint, page.input_key});
    p.summaries.emplace(page.path, PageSummary{std::move(page.title), std::move(page.ids)});
  }
  return p;
}

/// One hash of all that is not a meeting or action file (those, pages name one by one).
InputHashes hash_inputs(const Model& model, const ResolvedSite& site) {
  InputHashes h;
  std::vector<char> per_page_input(model.sources.size(), 0);
  for (const auto& m : model.meetings) per_page_input[m.file] = 1;
  for (const auto& a : model.actions) per_page_input[a.file] = 1;
  Hasher rest;
  for (size_t i = 0; i < per_page_input.size(); ++i)
    if (!per_page_input[i])
      rest.add(model.sources.path(static_cast<FileId>(i))).add(model.sources.content_hash(static_cast<FileId>(i)));
  for (const auto& [path, size] : model.document_sizes) rest.add(path).add(static_cast<uint64_t>(size));
  rest.add(site.as_of.iso());
  h.everything_else = rest.value();
  return h;
}

/// The `keep:` entries of data/site.yaml: files in the output the builder leaves in place.
std::vector<std::string> keep_paths(const Model& model) {
  std::vector<std::string> keep;
  for (const auto& k : model.site.keep) keep.push_back(k.value);
  return keep;
}

/// What a build writes into the output's lock, for a second build to print.
std::string lock_holder_text() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&now));
  return "process " + std::to_string(::getpid()) + ", started " + when;
}

/// Each output as written: its hash from what was written (or, for a reused
/// or copied file, from the record that vouched for it), its identity as now on disk.
std::vector<FileStamp> stamp_outputs(const FileSystem& fs, const std::string& out, const std::vector<OutputFile>& files,
                                     const std::vector<InputStamp>& inputs, const std::vector<FileStamp>& previous) {
  std::unordered_map<std::string_view, uint64_t> known;
  for (const auto& s : inputs) known.emplace(s.path, s.hash);  // by input_digest()
  for (const auto& s : previous) known.emplace(s.path, s.hash);
  std::vector<FileStamp> stamps(files.size() + 1);
  parallel_for(stamps.size(), [&](size_t i) {
    FileStamp& s = stamps[i];
    s.path = i < files.size() ? files[i].path : kOutputMarker;
    std::string full = join_path(out, s.path);
    fs.stat_identity(full, &s.size, &s.mtime_ns, &s.identity);
    const OutputFile* f = i < files.size() ? &files[i] : nullptr;
    std::string name = !f ? "" : f->copy_from.empty() ? f->path : input_digest(f->copy_from);
    auto it = !f ? known.end() : known.find(name);
    if (f && f->copy_from.empty() && !f->reused) s.hash = hash_bytes(f->bytes);
    else if (it != known.end()) s.hash = it->second;
    else s.hash = hash_bytes(fs.read(full, nullptr).value_or(""));
  });
  return stamps;
}

/// A page reused unparsed is only as good as its links: they were checked
/// against the last build's files and ids. If a file went, or a redrawn page
/// lost an id, those links must be checked again.
bool reused_links_may_break(const BuildCache& cache, const std::set<std::string>& paths,
                            const std::vector<RenderedPage>& pages, const std::vector<PageSummary>& summaries,
                            const PreviousPages& previous) {
  for (const auto& p : cache.outputs)
    if (p.path != kOutputMarker && !paths.count(p.path)) return true;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].unchanged) continue;
    auto it = previous.summaries.find(pages[i].path);
    if (it == previous.summaries.end()) continue;
    if (!std::includes(summaries[i].ids.begin(), summaries[i].ids.end(), it->second.ids.begin(), it->second.ids.end()))
      return true;
  }
  return false;
}
}  // namespace

BuildResult build_site(FileSystem& fs, const BuildOptions& options) {
  BuildResult r;
  Diagnostics diags;
  StageTimer timer(options.timings);
  set_worker_count(options.threads);
  Registry builtin;
  if (!options.registry) builtin = builtin_registry();
  const Registry& registry = options.registry ? *options.registry : builtin;
  const std::string out = options.out_dir.empty() ? join_path(options.site_dir, "public") : options.out_dir;
  auto stage = [&](const std::string& name) {
    if (options.on_stage) options.on_stage(name);
  };

  // The output folder is the builder's alone, and one build at a time writes it.
  const std::string target = output_target(fs, out);  // where its files really are (a symlinked output followed)
  std::unique_ptr<FileLock> lock;
  if (options.write) {
    if (auto why = refuse_output(fs, out, options.site_dir)) {
      diags.add({Severity::error, "write.unsafe-output", *why + "; nothing was written", {}, out, {}, {}});
      finish(r, diags);
      return r;
    }
    std::string holder, error;
    lock = fs.lock(beside_output(target, "lock"), lock_holder_text(), &holder, &error);
    if (!lock) {
      if (!error.empty()) diags.add({Severity::error, "write.io", error + "; nothing was written", {}, out, {}, {}});
      else
        diags.add({Severity::error, "write.locked",
                   "another build is writing " + out + " (" + holder + "); nothing was written: wait for it to finish",
                   {}, out, {}, {}});
      finish(r, diags);
      return r;
    }
  }
  const std::string cache_path = state_path(fs, options.site_dir, out, "cache");
  const std::string memo_path = state_path(fs, options.site_dir, out, "memo");
  if (options.write && options.use_cache) {
    std::string error;
    if (!fs.make_private_dir(state_dir(options.site_dir), &error)) {
      diags.add({Severity::error, "write.io", error + "; nothing was written", {}, state_dir(options.site_dir), {}, {}});
      finish(r, diags);
      return r;
    }
  }

  // A rebuild with nothing changed does no work (and rewrites nothing).
  std::optional<BuildCache> cache;
  std::vector<InputStamp> stamps;
  std::unordered_set<std::string> intact;  // outputs that still hold what the last build wrote
  std::string builder, key;
  if (options.write && options.use_cache) {
    cache = read_cache(fs, cache_path, diags);
    Model settings_only;  // as_of may come from data/site.yaml, so read that file alone
    Diagnostics ignore;
    if (fs.exists(join_path(options.site_dir, "data/site.yaml"))) {
      settings_only.root = options.site_dir;
      FileId f = settings_only.sources.add(join_path(options.site_dir, "data/site.yaml"),
                                           fs.read(join_path(options.site_dir, "data/site.yaml"), nullptr).value_or(""));
      load_settings(settings_only, f, ignore);
    }
    builder = builder_identity(options, registry, out);
    key = builder + "; as_of " + choose_as_of(settings_only, {options.as_of, options.source_date_epoch}).iso();
    stamps = stamp_inputs(fs, site_inputs(fs, options.site_dir), cache ? &cache->inputs : nullptr);
    auto same = [](const InputStamp& a, const InputStamp& b) {
      return a.path == b.path && a.size == b.size && a.hash == b.hash;
    };
    bool unchanged = cache && cache->key == key && fs.is_dir(out) &&
                     std::equal(stamps.begin(), stamps.end(), cache->inputs.begin(), cache->inputs.end(), same);
    // ... and every file it wrote still holds what was written (a restored cache cannot vouch for stale files).
    if (cache) intact = intact_outputs(fs, target, cache->outputs);
    if (unchanged) unchanged = intact.size() == cache->outputs.size();
    // Plugins read what the builder cannot stamp (their own scripts and data), so they run on every build.
    if (unchanged && !settings_only.site.plugins.empty()) unchanged = false;
    timer.lap("cache");
    if (unchanged) {
      r.up_to_date = true;
      r.published = true;
      r.cached_report = cache->report;
      finish(r, diags);
      return r;
    }
  }
  PreviousPages previous = cache ? previous_pages(*cache, builder, intact) : PreviousPages{};
  // Work done by earlier builds (files parsed, prose checked), by input hash.
  std::optional<MemoStore> memo;
  if (options.write && options.use_cache) {
    memo.emplace(builder);
    if (fs.exists(memo_path)) {
      std::string why = "unreadable";
      if (auto bytes = fs.read(memo_path, nullptr)) memo = MemoStore::parse(std::move(*bytes), builder, &why);
      if (!why.empty())
        diags.add({Severity::warning, "cache.ignored",
                   "the memo of earlier builds is " + why + ": it was ignored and everything done afresh", {}, memo_path,
                   {}, {}});
    }
  }
  // Kept even when this build fails: the next one, after a fix, redoes only what changed.
  bool memo_unsaved = false;
  auto save_memo = [&](bool last) {
    if (!memo) return;
    if (!memo->save(fs, memo_path, last) && !memo_unsaved) {
      memo_unsaved = true;  // said once; the next build just redoes the work
      diags.add({Severity::warning, "cache.unsaved",
                 "the memo of this build could not be saved: the next build will redo all of its work", {}, memo_path,
                 {}, {}});
    }
    if (last) memo.reset();
  };

  stage("loading");
  r.model = load_site(fs, options.site_dir, diags, memo ? &*memo : nullptr);
  timer.lap("load");
  r.files_read = r.model.sources.size();
  if (memo) r.files_from_cache = memo->hits();
  stage("resolving " + std::to_string(r.model.meetings.size()) + " meetings");
  r.site = resolve(r.model, {options.as_of, options.source_date_epoch}, diags);
  timer.lap("resolve");
  stage("checking");
  run_checks(r.model, r.site, registry.checks, diags, memo ? &*memo : nullptr);
  save_memo(false);  // what loading and checking computed is written and freed before pages are drawn
  timer.lap("check");

  // Pages drawn from input with errors would only add findings that are
  // consequences of those errors; the input's own are what the writer needs.
  if (diags.error_count() > 0) {
    save_memo(true);
    finish(r, diags);
    return r;
  }
  Theme theme = Theme::load(fs, options.site_dir, r.model.site.theme.value, diags);
  MarkdownRenderer markdown(glossary_abbreviations(r.model));
  RenderContext ctx{r.model, r.site, theme, markdown, options.version};
  if (!previous.fingerprints.empty()) ctx.previous = &previous.fingerprints;
  if (memo) ctx.memo = &*memo;
  InputHashes input_hashes;  // only a build that keeps a cache has use for input keys
  if (options.write && options.use_cache) {
    input_hashes = hash_inputs(r.model, r.site);
    ctx.inputs = &input_hashes;
  }
  ctx.verify_input_keys = options.verify_input_keys;
  ctx.timings = options.timings;
  stage("rendering");
  r.files = render_site(ctx, registry.outputs, diags);
  timer.lap("render");
  save_memo(true);
  stage("checking " + std::to_string(r.files.size()) + " files");

  // The page check sees exactly the files that would be published; pages
  // drawn as before were checked then, and only their summaries are used.
  std::vector<RenderedPage> pages;
  std::vector<size_t> page_file;  // which file each page came from
  std::set<std::string> paths;
  for (size_t i = 0; i < r.files.size(); ++i) {
    OutputFile& f = r.files[i];
    paths.insert(f.path);
    if (f.template_name.empty()) continue;
    // The bytes move to the check and back, so no page is held twice.
    pages.push_back({f.path, std::move(f.bytes), blame_template(theme, f.template_name),
                     f.reused ? &previous.summaries.at(f.path) : nullptr});
    page_file.push_back(i);
  }
  Diagnostics page_findings;
  std::vector<PageSummary> summaries = check_pages(pages, paths, page_findings);
  if (cache && !previous.fingerprints.empty() && reused_links_may_break(*cache, paths, pages, summaries, previous)) {
    // Check every page in full: the reused ones as they are on disk.
    page_findings.take();
    for (auto& p : pages) {
      if (!p.unchanged) continue;
      p.html = fs.read(join_path(out, p.path), nullptr).value_or("");
      p.unchanged = nullptr;
    }
    summaries = check_pages(pages, paths, page_findings);
    for (size_t k = 0; k < pages.size(); ++k)
      if (r.files[page_file[k]].reused) pages[k].html.clear();
  }
  // The registry's own page rules, on the pages drawn this time.
  for (const auto& rule : registry.page_rules)
    for (const auto& p : pages)
      if (!p.unchanged) rule->check(p, page_findings);
  std::set<std::string> pages_with_findings;
  for (auto& d : page_findings.take()) {
    pages_with_findings.insert(d.where);
    diags.add(std::move(d));
  }
  for (size_t k = 0; k < pages.size(); ++k) r.files[page_file[k]].bytes = std::move(pages[k].html);
  pages.clear();
  timer.lap("page-check");

  // External plugins see the finished site and may add files; a plugin that
  // fails stops the build before anything is written.
  if (!r.model.site.plugins.empty() && diags.error_count() == 0) {
    stage("running " + std::to_string(r.model.site.plugins.size()) + " plugins");
    PluginRunOptions plugin_options{options.site_dir, options.version, {}};
    for (const auto& f : r.files) plugin_options.output_paths.push_back(f.path);
    for (auto& pf : run_external_plugins(r.model, r.site, plugin_options, diags)) {
      OutputFile f;
      f.path = std::move(pf.path);
      f.bytes = std::move(pf.bytes);
      r.files.push_back(std::move(f));
    }
    timer.lap("plugins");
  }

  if (options.write && diags.error_count() == 0) {
    std::vector<FileToWrite> to_write;
    for (const auto& f : r.files) to_write.push_back({f.path, &f.bytes, f.copy_from, f.reused});
    stage("writing " + std::to_string(to_write.size()) + " files");
    // While the output changes no cache may vouch for it: a build killed half
    // way must not be taken for up to date, nor its pages for the cached ones.
    if (cache) fs.remove_all(cache_path, nullptr);
    r.published = write_site(fs, out, to_write, keep_paths(r.model), diags);
    timer.lap("write");
  }
  finish(r, diags);
  if (r.published && options.use_cache) {
    BuildCache c;
    c.builder = builder;
    c.key = key;
    c.outputs = stamp_outputs(fs, target, r.files, stamps,
                              cache ? cache->outputs : std::vector<FileStamp>{});
    c.inputs = std::move(stamps);
    // Only pages with no finding are reused, so a rebuild reports every finding again.
    for (size_t k = 0; k < page_file.size(); ++k) {
      const OutputFile& f = r.files[page_file[k]];
      if (pages_with_findings.count(f.path)) continue;
      c.pages.push_back({f.path, f.fingerprint, f.input_key, summaries[k].title, summaries[k].ids});
    }
    // What the next no-change build prints again: this build's findings about the site, not about the cache.
    std::vector<Diagnostic> about_site;
    for (const auto& d : r.diagnostics)
      if (d.rule.rfind("cache.", 0) != 0) about_site.push_back(d);
    for (const auto& d : about_site) c.report += format_text(d, r.model.sources);
    c.report += summary_line(about_site);
    if (!write_cache(fs, cache_path, c))
      r.diagnostics.push_back({Severity::warning, "cache.unsaved",
                               "the build cache could not be saved: the next build will do all of its work again", {},
                               cache_path, {}, {}});
  }
  return r;
}

}  // namespace rs
