// How much the checks add to a build, and how fast each check is per MB of prose.
//   checks_perftest SITE_DIR [ROUNDS] [--checks-only]
// Loads the site once, then times, in the same run and alternating, a build
// without the checks (resolve, render, page check), each check on its own, and
// run_checks as the build calls it. Not a test: timing depends on the machine,
// so it only reports. tests/bench/checks_compare.sh runs this same source
// against an older commit's libraries to print ratios against it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "reportsite/check/check.h"
#include "reportsite/core/parallel.h"
#include "reportsite/check/page_check.h"
#include "reportsite/load/load_site.h"
#include "reportsite/render/markdown.h"
#include "reportsite/render/output.h"
#include "reportsite/render/theme.h"
#include "reportsite/resolve/resolve.h"

using namespace rs;

namespace {
double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: checks_perftest SITE_DIR [ROUNDS]\n");
    return 2;
  }
  std::string site_dir = argv[1];
  int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  // For profiling the checks alone (perf record): no build rounds.
  const bool checks_only = argc > 3 && std::string(argv[3]) == "--checks-only";
#ifdef RS_HAS_SET_WORKER_COUNT  // older libraries (checks_compare.sh) read REPORTSITE_THREADS themselves
  if (const char* env = std::getenv("REPORTSITE_THREADS")) set_worker_count(static_cast<unsigned>(std::atoi(env)));
#endif
  RealFileSystem fs;
  Diagnostics load_diags;
  auto t0 = std::chrono::steady_clock::now();
  Model model = load_site(fs, site_dir, load_diags);
  double load = seconds_since(t0);

  // Prose the checks read: each text once, however many pages show it.
  Diagnostics resolve_diags;
  ResolvedSite first = resolve(model, {}, resolve_diags);
  std::set<const Text*> texts;
  for (const auto& page : prose_pages(model, first))
    for (const Text* t : page.texts) texts.insert(t);
  double prose_mb = 0;
  for (const Text* t : texts) prose_mb += t->value.size();
  prose_mb /= 1e6;
  std::printf("site: %s, %zu meetings, %zu glossary entries, %.2f MB of prose; load %.2f s\n", site_dir.c_str(),
              model.meetings.size(), model.glossary.size(), prose_mb, load);

  std::vector<double> build_times, check_times;
  std::map<std::string, std::vector<double>> per_check;
  for (int r = 0; r < rounds; ++r) {
    Diagnostics diags;
    auto t = std::chrono::steady_clock::now();
    ResolvedSite site = resolve(model, {}, diags);
    if (!checks_only) {
    Theme theme = Theme::load(fs, site_dir, model.site.theme.value, diags);
    MarkdownRenderer markdown(glossary_abbreviations(model));
    RenderContext ctx{model, site, theme, markdown, "bench"};
    auto files = render_site(ctx, diags);
    std::vector<RenderedPage> pages;
    std::set<std::string> paths;
    for (const auto& f : files) {
      paths.insert(f.path);
      if (!f.template_name.empty()) pages.push_back({f.path, f.bytes, f.template_name});
    }
    check_pages(pages, paths, diags);
    build_times.push_back(load + seconds_since(t));
    } else {
      build_times.push_back(load);
    }

    const std::vector<ProsePage> prose = prose_pages(model, site);
    const CheckInput in{model, site, prose, nullptr};
    for (const auto& check : builtin_checks()) {
      Findings findings;
      Diagnostics check_diags;
      t = std::chrono::steady_clock::now();
      check->run(in, findings, check_diags);
      per_check[check->name()].push_back(seconds_since(t));
    }

    Diagnostics check_diags;
    t = std::chrono::steady_clock::now();
    run_checks(model, site, check_diags);
    check_times.push_back(seconds_since(t));
    std::printf("round %d: build without checks %.2f s (load included), checks %.2f s, %zu findings\n", r + 1,
                build_times.back(), check_times.back(), check_diags.all().size());
  }
  double b = median(build_times), c = median(check_times);
  for (const auto& [name, times] : per_check)
    std::printf("check %-24s %.3f s  %.1f MB/s\n", name.c_str(), median(times), prose_mb / median(times));
  std::printf("check %-24s %.3f s  %.1f MB/s\n", "(all, as built)", c, prose_mb / c);
  std::printf("median: build without checks %.2f s, checks %.2f s: checks add %.1f%% (target at most 15%%)\n", b, c,
              100.0 * c / b);
  return 0;
}
