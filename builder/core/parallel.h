#pragma once
// Run independent jobs on all cores. Results go to slots indexed by job, so
// output never depends on the number of threads or on scheduling.
#include <cstddef>
#include <functional>

namespace rs {

/// Threads to use: as last set by set_worker_count, else the hardware's count.
unsigned worker_count();
/// Sets the threads parallel_for uses from now on (0: the hardware's count).
/// The library never reads the environment: a program decides (the CLI reads
/// REPORTSITE_THREADS; build_site applies BuildOptions::threads).
void set_worker_count(unsigned threads);
#define RS_HAS_SET_WORKER_COUNT 1
/// Call fn(i) for every i in [0, n), spread over `threads` threads (0: worker_count()).
void parallel_for(size_t n, const std::function<void(size_t)>& fn, unsigned threads = 0);

}  // namespace rs
