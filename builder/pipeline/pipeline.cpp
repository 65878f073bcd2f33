#include "reportsite/pipeline/pipeline.h"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <limits>
#include <map>
#include <set>

#include "reportsite/check/check.h"
#include "reportsite/check/page_check.h"
#include "reportsite/core/parallel.h"
#include "reportsite/core/stage_timer.h"
#include "reportsite/load/load_site.h"
#include "reportsite/pipeline/page_stream.h"
#include "reportsite/pipeline/rebuild.h"
#include "reportsite/model/site_paths.h"
#include "reportsite/plugin/external_plugin.h"
#include "reportsite/plugin/plugin_answer.h"
#include "reportsite/render/links.h"
#include "reportsite/render/markdown.h"
#include "reportsite/render/theme.h"
#include "reportsite/write/output_folder.h"
#include "reportsite/write/write_site.h"

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

/// Pages plugins asked for join the site's own pages (content/pages), so the
/// theme draws them, the page check reads them and the sitemap, search and
/// navigation list them. Their Markdown is kept as a source of its own,
/// named after the plugin, for what a message may quote.
void add_plugin_pages(Model& model, ResolvedSite& site, const std::vector<PluginPage>& pages, Diagnostics& diags) {
  for (const auto& p : pages) {
    const ExternalPlugin* plugin = nullptr;
    for (const auto& q : model.site.plugins)
      if (q.name.value == p.plugin) plugin = &q;
    // The builder's own folders (search, meetings, ...) are not a plugin's, whatever their pages are called.
    if (is_reserved_name(p.path) || is_reserved_name(p.path.substr(0, p.path.find('/')))) {
      diags.error("plugin.bad-path", plugin ? plugin->command.span : Span{},
                  "plugin `" + p.plugin + "` asked for a page at `" + p.path + "`, where the builder writes its own pages");
      continue;
    }
    if (site.pages.count(p.path)) {
      diags.error("plugin.bad-path", plugin ? plugin->command.span : Span{},
                  "plugin `" + p.plugin + "` asked for a page at `" + p.path + "`, which is a page of the site (content/pages)");
      continue;
    }
    Page page;
    page.stem = p.path;
    page.file = model.sources.add("plugin " + p.plugin + ": " + p.path, p.body);
    page.title.value = p.title;
    page.title.file = page.file;
    page.order = std::numeric_limits<int>::max();  // after the site's own
    page.body.value = p.body;
    page.body.file = page.file;
    page.body.span = {page.file, 0, static_cast<uint32_t>(p.body.size())};
    site.pages[page.stem] = model.pages.size();
    model.pages.push_back(std::move(page));
  }
}

/// A plugin's files and pages may not take a path the build's own outputs
/// use (known only once they are drawn): plugin.bad-path.
void check_plugin_paths(const BuildResult& r, const PluginRun& plugins, const std::set<std::string>& plugin_pages,
                        Diagnostics& diags) {
  // A plugin page's path drawn twice is also a page the build draws itself.
  std::vector<std::string> built;
  std::map<std::string, int> drawn;
  for (const auto& f : r.files)
    if (!plugin_pages.count(f.path) || ++drawn[f.path] > 1) built.push_back(f.path);
  PluginPaths taken(built, {});
  auto command = [&](const std::string& name) {
    for (const auto& q : r.model.site.plugins)
      if (q.name.value == name) return q.command.span;
    return Span{};
  };
  for (const auto& f : plugins.files)
    if (std::string why = taken.problem(f.path); !why.empty())
      diags.error("plugin.bad-path", command(f.plugin), "plugin `" + f.plugin + "` asked to write `" + f.path + "`, which " + why);
  for (const auto& p : plugins.pages)
    if (std::string why = taken.problem(paths::page(p.path)); !why.empty())
      diags.error("plugin.bad-path", command(p.plugin),
                  "plugin `" + p.plugin + "` asked for a page at `" + p.path + "`, which " + why);
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

  // What the last build left, and every decision to reuse it (pipeline/rebuild.h).
  std::optional<Rebuild> rebuild = Rebuild::open(fs, options, registry, out, target, diags);
  timer.lap("cache");
  if (!rebuild || rebuild->up_to_date()) {
    if (rebuild) {
      r.up_to_date = r.published = true;
      for (auto& d : rebuild->cached_findings(fs, r.model.sources)) diags.add(std::move(d));
    }
    finish(r, diags);
    if (r.up_to_date) {  // the same findings as printed text, for programs written before they were carried
      for (const auto& d : r.diagnostics) r.cached_report += format_text(d, r.model.sources);
      r.cached_report += summary_line(r.diagnostics);
    }
    return r;
  }

  stage("loading");
  r.model = load_site(fs, options.site_dir, diags, rebuild->memo());
  timer.lap("load");
  r.files_read = r.model.sources.size();
  if (rebuild->memo()) r.files_from_cache = rebuild->memo()->hits();
  stage("resolving " + std::to_string(r.model.meetings.size()) + " meetings");
  r.site = resolve(r.model, {options.as_of, options.source_date_epoch}, diags);
  timer.lap("resolve");
  stage("checking");
  run_checks(r.model, r.site, registry.checks, diags, rebuild->memo());
  rebuild->save_memo(fs, false, diags);  // what loading and checking computed is written and freed before pages are drawn
  timer.lap("check");

  // Pages drawn from input with errors would only add findings that are
  // consequences of those errors; the input's own are what the writer needs.
  if (diags.error_count() > 0) {
    rebuild->save_memo(fs, true, diags);
    finish(r, diags);
    return r;
  }
  // External plugins see the site as loaded and checked, and may add files
  // and pages; their pages are drawn, checked and listed with the site's own.
  // A plugin that fails stops the build before anything is written.
  PluginRun plugins;
  std::set<std::string> plugin_page_paths;
  if (!r.model.site.plugins.empty()) {
    stage("running " + std::to_string(r.model.site.plugins.size()) + " plugins");
    PluginRunOptions plugin_options{options.site_dir, options.version, options.write ? "build" : "check", {}};
    plugins = run_external_plugins(r.model, r.site, plugin_options, diags);
    for (const auto& page : plugins.pages) plugin_page_paths.insert(paths::page(page.path));
    add_plugin_pages(r.model, r.site, plugins.pages, diags);
    timer.lap("plugins");
    if (diags.error_count() > 0) {
      rebuild->save_memo(fs, true, diags);
      finish(r, diags);
      return r;
    }
  }

  Theme theme = Theme::load(fs, options.site_dir, r.model.site.theme.value, diags);
  MarkdownRenderer markdown(glossary_abbreviations(r.model));
  RenderContext ctx{r.model, r.site, theme, markdown, options.version};
  rebuild->prepare_pages(r.model, r.site, ctx);
  timer.lap("prepare-pages");
  ctx.timings = options.timings;

  // Pages are drawn, checked and staged one at a time on the worker threads
  // (PageStream), so no stage holds the site's HTML: the output itself
  // changes only once everything has passed.
  std::unique_ptr<StagedOutput> staged;
  if (options.write) {
    staged = StagedOutput::open(fs, out, keep_paths(r.model), diags);
    if (!staged) {
      rebuild->save_memo(fs, true, diags);
      finish(r, diags);
      return r;
    }
  }
  timer.lap("staging");
  PageStream stream(theme, registry, *rebuild, staged.get());
  for (const auto& f : plugins.files) stream.add_path(f.path);
  for (const auto& p : plugins.pages) stream.add_plugin_page(paths::page(p.path), "the page plugin `" + p.plugin + "` answered");
  stage("rendering");
  r.files = render_site(ctx, registry.outputs, diags, &stream);
  timer.lap("render");
  rebuild->save_memo(fs, true, diags);
  // Plugins' files join the site's before links are checked, so a page may link to them.
  if (!plugins.files.empty() || !plugins.pages.empty()) check_plugin_paths(r, plugins, plugin_page_paths, diags);
  for (auto& pf : plugins.files) {
    OutputFile f;
    f.path = std::move(pf.path);
    f.bytes = std::move(pf.bytes);
    r.files.push_back(std::move(f));
  }
  stage("checking " + std::to_string(r.files.size()) + " files");
  PageStream::Result checked = stream.finish(fs, out, r.files);
  std::set<std::string> pages_with_findings;
  for (auto& d : checked.findings) {
    pages_with_findings.insert(d.where);
    diags.add(std::move(d));
  }
  const std::vector<size_t>& page_file = checked.page_file;
  const std::vector<PageSummary>& summaries = checked.summaries;
  timer.lap("page-check");

  if (options.write && diags.error_count() == 0) {
    std::vector<FileToWrite> to_write;
    for (const auto& f : r.files) to_write.push_back({f.path, &f.bytes, f.copy_from, f.reused, f.staged});
    stage("writing " + std::to_string(to_write.size()) + " files");
    rebuild->before_writing(fs);
    r.published = staged->publish(to_write, diags);
    timer.lap("write");
  }
  finish(r, diags);
  rebuild->record(fs, target, r, page_file, summaries, pages_with_findings, staged.get());
  timer.lap("record");
  return r;
}

}  // namespace rs
