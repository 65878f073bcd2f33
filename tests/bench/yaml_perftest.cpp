// The floor under a cold build: how fast yaml-cpp itself parses a site's
// meeting files on one core, beside the loader (which adds positions, strict
// keys and the typed model), in the same run.
//   yaml_perftest SITE_DIR
// Not a test: it only reports.
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "reportsite/core/parallel.h"
#include "reportsite/core/fs.h"
#include "reportsite/load/load_site.h"

using namespace rs;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: yaml_perftest SITE_DIR\n");
    return 2;
  }
  RealFileSystem fs;
  std::string dir = join_path(argv[1], "content/meetings");
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (const auto& rel : fs.list(dir))
    if (auto t = fs.read(join_path(dir, rel), nullptr)) {
      bytes += t->size();
      texts.push_back(std::move(*t));
    }
  auto time = [](auto&& work) {
    auto t0 = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  double yaml = time([&] {
    for (const auto& t : texts) YAML::Load(t);
  });
  set_worker_count(1);  // one core, like the yaml-cpp figure
  Diagnostics diags;
  double loader = time([&] { load_site(fs, argv[1], diags); });
  double mb = bytes / 1e6;
  std::printf("%zu meeting files, %.1f MB\n", texts.size(), mb);
  std::printf("yaml-cpp YAML::Load alone:  %6.2f s  %5.1f MB/s\n", yaml, mb / yaml);
  std::printf("reportsite loader (1 core): %6.2f s  %5.1f MB/s (all files)  %.2f x yaml-cpp's time\n", loader,
              mb / loader, loader / yaml);
  return 0;
}
