// Runs work items on std::threads, each worker claiming the next item from an atomic counter
// so that uneven items balance. Private to graph/.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace tafkik::graph::internal {

// The number of workers for `requested` (0: hardware concurrency), at most `items`, at least 1.
inline int WorkerCount(int requested, int64_t items) {
  int64_t workers = requested > 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(workers, items)));
}

// Calls body(worker, item) for every item in [0, items) across `workers` threads (worker 0 is
// the calling thread). `body` must be safe to run concurrently for distinct workers.
template <typename Body>
void ParallelFor(int64_t items, int workers, Body&& body) {
  std::atomic<int64_t> next{0};
  auto run = [&](int worker) {
    for (int64_t item = next.fetch_add(1); item < items; item = next.fetch_add(1)) {
      body(worker, item);
    }
  };
  std::vector<std::thread> threads;
  for (int worker = 1; worker < workers; ++worker) threads.emplace_back(run, worker);
  run(0);
  for (std::thread& thread : threads) thread.join();
}

}  // namespace tafkik::graph::internal
