// How much the checks add to a build (issue target: at most 15%).
//   checks_perftest SITE_DIR [ROUNDS]
// Loads the site once, then times, in the same run and alternating, a build
// without the checks (resolve, render, page check) and the checks themselves
// (glossary, undertakings, reports), and prints the ratio. Not a test: timing
// depends on the machine, so it only reports.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "check/check.h"
#include "check/page_check.h"
#include "load/load_site.h"
#include "render/markdown.h"
#include "render/output.h"
#include "render/theme.h"
#include "resolve/resolve.h"

using namespace rs;

namespace {
double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: checks_perftest SITE_DIR [ROUNDS]\n");
    return 2;
  }
  std::string site_dir = argv[1];
  int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  RealFileSystem fs;
  Diagnostics load_diags;
  auto t0 = std::chrono::steady_clock::now();
  Model model = load_site(fs, site_dir, load_diags);
  double load = seconds_since(t0);
  std::printf("site: %s, %zu meetings, %zu glossary entries; load %.2f s\n", site_dir.c_str(), model.meetings.size(),
              model.glossary.size(), load);

  std::vector<double> build_times, check_times;
  for (int r = 0; r < rounds; ++r) {
    Diagnostics diags;
    auto t = std::chrono::steady_clock::now();
    ResolvedSite site = resolve(model, {}, diags);
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

    Diagnostics check_diags;
    t = std::chrono::steady_clock::now();
    run_checks(model, site, check_diags);
    check_times.push_back(seconds_since(t));
    std::printf("round %d: build without checks %.2f s (load included), checks %.2f s, %zu findings\n", r + 1,
                build_times.back(), check_times.back(), check_diags.all().size());
  }
  std::sort(build_times.begin(), build_times.end());
  std::sort(check_times.begin(), check_times.end());
  double b = build_times[build_times.size() / 2], c = check_times[check_times.size() / 2];
  std::printf("median: build without checks %.2f s, checks %.2f s: checks add %.1f%% (target at most 15%%)\n", b, c,
              100.0 * c / b);
  return 0;
}
