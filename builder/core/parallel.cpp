#include "reportsite/core/parallel.h"

#include <atomic>
#include <cstdlib>
#include <exception>
#include <thread>
#include <vector>

namespace rs {

namespace {
std::atomic<unsigned> chosen_workers{0};
}

void set_worker_count(unsigned threads) { chosen_workers = threads; }

unsigned worker_count() {
  if (unsigned n = chosen_workers.load()) return n;
  unsigned hw = std::thread::hardware_concurrency();
  return hw ? hw : 1;
}

void parallel_for(size_t n, const std::function<void(size_t)>& fn, unsigned threads) {
  if (threads == 0) threads = worker_count();
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      if (failed) return;
      try {
        fn(i);
      } catch (...) {
        if (!failed.exchange(true)) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  unsigned count = static_cast<unsigned>(std::min<size_t>(threads, n));
  for (unsigned t = 1; t < count; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace rs
