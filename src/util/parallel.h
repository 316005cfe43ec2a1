#pragma once
// parallel_for: run body(i) for every i in [0, n) on up to `jobs` threads.
//
// Two backends:
//  - threads (the default): the calling thread plus jobs-1 plain threads
//    taking indexes from a shared counter. Each new thread is *started on
//    another CPU* than the caller (an affinity set at creation, widened to
//    the process's CPUs once it runs). Without that, Linux queues a new
//    thread on its creator's busy CPU and moves it at the next load-balance
//    tick: 3.9 ms median on this project's 2-vCPU machines, longer than a
//    whole 500-template render, so the second thread did no work at all.
//    Placed, it runs within ~70 µs (bench/micro, ThreadStartLatency).
//  - tbb: oneTBB, in a plugin (`libhypergen-tbb.so`, loaded with dlopen() on
//    first use; the hypergen binary does not link it: libtbb and the shared
//    C++ runtime it needs cost more to load than a small generation). Its
//    workers are created by TBB and start like an unplaced thread, so on
//    loops of a few milliseconds it measured no faster than one thread (see
//    docs/performance.md); chosen with HYPERGEN_PARALLEL=tbb, e.g. to compare.
//    If the plugin cannot be loaded the loop runs on the threads backend.
//
// The plugin is looked up in $HYPERGEN_PLUGIN_DIR, beside the executable,
// in <exe>/../lib/hypergen, and in the build tree it was built in.
//
// `body` must not throw. Results must not depend on the order of calls
// (callers write to slot i). The caller always takes part, so a loop
// finishes even if no thread can be started.

#include <cstddef>
#include <functional>

namespace hypergen {

enum class ParallelBackend {
  kDefault,  // HYPERGEN_PARALLEL (`threads` or `tbb`, read once), else threads
  kThreads,
  kTbb,
};

void parallel_for(std::size_t n, std::size_t jobs, const std::function<void(std::size_t)>& body,
                  ParallelBackend backend = ParallelBackend::kDefault);

// Which implementation the last parallel loop used: "tbb", "threads", or
// "" when none ran yet (for --stats and tests).
const char* parallel_backend();

}  // namespace hypergen
