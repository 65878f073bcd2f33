#include "reportsite/core/stage_timer.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>

namespace rs {

namespace {
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
/// Resident memory now, and the peak so far, in MiB (Linux /proc; 0 elsewhere).
void memory_mib(double& now, double& peak) {
  now = peak = 0;
  if (FILE* f = std::fopen("/proc/self/status", "r")) {
    char line[256];
    while (std::fgets(line, sizeof line, f)) {
      long kb = 0;
      if (std::sscanf(line, "VmRSS: %ld kB", &kb) == 1) now = kb / 1024.0;
      if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1) peak = kb / 1024.0;
    }
    std::fclose(f);
  }
}
}  // namespace

StageTimer::StageTimer(bool enabled)
    : enabled_(enabled), last_(std::chrono::steady_clock::now()), cpu_(cpu_seconds()) {}

void StageTimer::lap(const std::string& stage) {
  auto now = std::chrono::steady_clock::now();
  double cpu = cpu_seconds();
  if (enabled_) {
    double rss = 0, peak = 0;
    memory_mib(rss, peak);
    std::fprintf(stderr, "timing: %-22s %8.3f s wall %8.3f s cpu %7.0f MiB now %7.0f MiB peak\n", stage.c_str(),
                 std::chrono::duration<double>(now - last_).count(), cpu - cpu_, rss, peak);
  }
  last_ = now;
  cpu_ = cpu;
}

}  // namespace rs
