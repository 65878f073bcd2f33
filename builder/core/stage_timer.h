#pragma once
// REPORTSITE_TIMINGS=1 prints each stage's wall and CPU time to stderr, for
// profiling; otherwise a StageTimer prints nothing.
#include <chrono>
#include <string>

namespace rs {

class StageTimer {
 public:
  StageTimer();
  /// Print the time since the last lap (or construction) under `stage`.
  void lap(const std::string& stage);

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_;
  double cpu_;
};

}  // namespace rs
