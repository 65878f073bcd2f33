#include "pipeline.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "check/check.h"
#include "check/page_check.h"
#include "core/stage_timer.h"
#include "load/load_site.h"
#include "render/markdown.h"
#include "render/theme.h"
#include "write/build_cache.h"
#include "write/write_site.h"

namespace rs {

namespace {
int exit_code_for(const std::vector<Diagnostic>& ds) {
  bool io = false, error = false;
  for (const auto& d : ds) {
    if (d.severity != Severity::error) continue;
    error = true;
    io = io || d.rule == "write.io" || d.rule == "load.io" || d.rule == "load.missing-file";
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
  r.model = load_site(fs, options.site_dir, diags);
  r.site = resolve(r.model, {options.as_of}, diags);
  finish(r, diags);
  return r;
}

namespace {
/// What the output depends on besides the inputs: the builder itself, the as_of date, the output folder.
std::string cache_key(const BuildOptions& options, const Date& as_of, const std::string& out) {
  std::string theme;
  for (const auto& [path, bytes] : builtin_theme_files()) theme += path + std::to_string(content_hash(bytes));
  // The executable's size and time stand for the builder's code: any relink changes them.
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  std::string builder = ec ? std::string(__DATE__ " " __TIME__)
                           : std::to_string(std::filesystem::file_size(exe, ec)) + "@" +
                                 std::to_string(std::filesystem::last_write_time(exe, ec).time_since_epoch().count());
  return "reportsite " + options.version + " " + builder + "; as_of " + as_of.iso() +
         "; out " + out + "; theme " + std::to_string(content_hash(theme));
}
}  // namespace

BuildResult build_site(FileSystem& fs, const BuildOptions& options) {
  BuildResult r;
  Diagnostics diags;
  StageTimer timer;
  const std::string out = options.out_dir.empty() ? join_path(options.site_dir, "public") : options.out_dir;
  auto stage = [&](const std::string& name) {
    if (options.on_stage) options.on_stage(name);
  };

  // A rebuild with nothing changed does no work (and rewrites nothing).
  std::optional<BuildCache> cache;
  std::vector<InputStamp> stamps;
  std::string key;
  if (options.write && options.use_cache) {
    cache = read_cache(fs, cache_path_for(out), diags);
    Model settings_only;  // as_of may come from data/site.yaml, so read that file alone
    Diagnostics ignore;
    if (fs.exists(join_path(options.site_dir, "data/site.yaml"))) {
      settings_only.root = options.site_dir;
      FileId f = settings_only.sources.add(join_path(options.site_dir, "data/site.yaml"),
                                           fs.read(join_path(options.site_dir, "data/site.yaml"), nullptr).value_or(""));
      load_settings(settings_only, f, ignore);
    }
    key = cache_key(options, choose_as_of(settings_only, {options.as_of}), out);
    stamps = stamp_inputs(fs, site_inputs(fs, options.site_dir), cache ? &cache->inputs : nullptr);
    auto same = [](const InputStamp& a, const InputStamp& b) {
      return a.path == b.path && a.size == b.size && a.hash == b.hash;
    };
    bool unchanged = cache && cache->key == key && fs.is_dir(out) &&
                     std::equal(stamps.begin(), stamps.end(), cache->inputs.begin(), cache->inputs.end(), same);
    for (size_t i = 0; unchanged && i < cache->outputs.size(); ++i)
      unchanged = fs.exists(join_path(out, cache->outputs[i]));
    timer.lap("cache");
    if (unchanged) {
      r.up_to_date = true;
      r.published = true;
      r.cached_report = cache->report;
      finish(r, diags);
      return r;
    }
  }

  stage("loading");
  r.model = load_site(fs, options.site_dir, diags);
  timer.lap("load");
  stage("resolving " + std::to_string(r.model.meetings.size()) + " meetings");
  r.site = resolve(r.model, {options.as_of}, diags);
  timer.lap("resolve");
  stage("checking");
  run_checks(r.model, r.site, diags);
  timer.lap("check");

  // Pages drawn from input with errors would only add findings that are
  // consequences of those errors; the input's own are what the writer needs.
  if (diags.error_count() > 0) {
    finish(r, diags);
    return r;
  }
  Theme theme = Theme::load(fs, options.site_dir, r.model.site.theme.value, diags);
  MarkdownRenderer markdown(glossary_abbreviations(r.model));
  RenderContext ctx{r.model, r.site, theme, markdown, options.version};
  stage("rendering");
  r.files = render_site(ctx, diags);
  timer.lap("render");
  stage("checking " + std::to_string(r.files.size()) + " files");

  // The page check sees exactly the files that would be published.
  std::vector<RenderedPage> pages;
  std::vector<size_t> page_file;  // which file each page came from
  std::set<std::string> paths;
  for (size_t i = 0; i < r.files.size(); ++i) {
    OutputFile& f = r.files[i];
    paths.insert(f.path);
    if (f.template_name.empty()) continue;
    // The bytes move to the check and back, so no page is held twice.
    pages.push_back({f.path, std::move(f.bytes), blame_template(theme, f.template_name)});
    page_file.push_back(i);
  }
  check_pages(pages, paths, diags);
  for (size_t k = 0; k < pages.size(); ++k) r.files[page_file[k]].bytes = std::move(pages[k].html);
  pages.clear();
  timer.lap("page-check");

  if (options.write && diags.error_count() == 0) {
    std::vector<FileToWrite> to_write;
    for (const auto& f : r.files) to_write.push_back({f.path, &f.bytes, f.copy_from});
    stage("writing " + std::to_string(to_write.size()) + " files");
    r.published = write_site(fs, out, to_write, diags);
    timer.lap("write");
  }
  finish(r, diags);
  if (r.published && options.use_cache) {
    BuildCache c;
    c.key = key;
    c.inputs = std::move(stamps);
    for (const auto& f : r.files) c.outputs.push_back(f.path);
    for (const auto& d : r.diagnostics) c.report += format_text(d, r.model.sources);
    c.report += summary_line(r.diagnostics);
    write_cache(fs, cache_path_for(out), c);
  }
  return r;
}

}  // namespace rs
