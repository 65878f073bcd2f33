#pragma once
// Run independent jobs on all cores. Results go to slots indexed by job, so
// output never depends on the number of threads or on scheduling.
#include <cstddef>
#include <functional>

namespace rs {

/// Threads to use: REPORTSITE_THREADS if set, else the hardware's count.
unsigned worker_count();
/// Call fn(i) for every i in [0, n), spread over `threads` threads (0: worker_count()).
void parallel_for(size_t n, const std::function<void(size_t)>& fn, unsigned threads = 0);

}  // namespace rs
