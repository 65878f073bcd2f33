#pragma once
// An enabled StageTimer prints each stage's wall and CPU time to stderr, for
// profiling (BuildOptions::timings; the CLI sets it from REPORTSITE_TIMINGS);
// otherwise it prints nothing.
#include <chrono>
#include <string>

namespace rs {

class StageTimer {
 public:
  explicit StageTimer(bool enabled);
  /// Print the time since the last lap (or construction) under `stage`.
  void lap(const std::string& stage);

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_;
  double cpu_;
};

}  // namespace rs
