#include "stage_timer.h"

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
}  // namespace

StageTimer::StageTimer()
    : enabled_(std::getenv("REPORTSITE_TIMINGS") != nullptr), last_(std::chrono::steady_clock::now()), cpu_(cpu_seconds()) {}

void StageTimer::lap(const std::string& stage) {
  auto now = std::chrono::steady_clock::now();
  double cpu = cpu_seconds();
  if (enabled_)
    std::fprintf(stderr, "timing: %-22s %8.3f s wall %8.3f s cpu\n", stage.c_str(),
                 std::chrono::duration<double>(now - last_).count(), cpu - cpu_);
  last_ = now;
  cpu_ = cpu;
}

}  // namespace rs
