#include "util/parallel.h"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include "util/plugin_loader.h"

namespace hypergen {

namespace {

using TbbParallelFor = int (*)(std::size_t, std::size_t, void*, void (*)(void*, std::size_t));

TbbParallelFor tbb_plugin() {
  static std::once_flag once;
  static TbbParallelFor fn = nullptr;
  std::call_once(once, [] {
    LoadedPlugin loaded = load_plugin("libhypergen-tbb.so", "hypergen_tbb_parallel_for");
    fn = reinterpret_cast<TbbParallelFor>(loaded.symbol);
  });
  return fn;
}

ParallelBackend default_backend() {
  static const ParallelBackend backend = [] {
    const char* v = std::getenv("HYPERGEN_PARALLEL");
    return v && std::string_view(v) == "tbb" ? ParallelBackend::kTbb : ParallelBackend::kThreads;
  }();
  return backend;
}

std::atomic<const char*> g_backend{""};

void call_body(void* ctx, std::size_t i) {
  (*static_cast<const std::function<void(std::size_t)>*>(ctx))(i);
}

// One loop on the threads backend: the indexes, handed out one at a time.
struct Loop {
  std::size_t n;
  const std::function<void(std::size_t)>* body;
  std::atomic<std::size_t> next{0};
  cpu_set_t allowed;  // the process's CPUs, for widening a placed thread
  bool have_allowed = false;

  void work() {
    for (std::size_t i = next++; i < n; i = next++) (*body)(i);
  }
};

struct Worker {
  Loop* loop;
  bool placed;
};

void* worker_main(void* arg) {
  auto* w = static_cast<Worker*>(arg);
  // Started on its CPU; from now on the scheduler may move it anywhere the
  // process may run.
  if (w->placed && w->loop->have_allowed) {
    pthread_setaffinity_np(pthread_self(), sizeof(cpu_set_t), &w->loop->allowed);
  }
  w->loop->work();
  return nullptr;
}

void run_on_threads(std::size_t n, std::size_t jobs, const std::function<void(std::size_t)>& body) {
  std::size_t threads = jobs > 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, n);
  Loop loop;
  loop.n = n;
  loop.body = &body;
  // The CPUs to start threads on: every allowed CPU but the caller's, in turn.
  std::vector<int> others;
  CPU_ZERO(&loop.allowed);
  if (threads > 1 && sched_getaffinity(0, sizeof(cpu_set_t), &loop.allowed) == 0) {
    loop.have_allowed = true;
    int here = sched_getcpu();
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
      if (cpu != here && CPU_ISSET(cpu, &loop.allowed)) others.push_back(cpu);
    }
  }
  std::vector<Worker> workers(threads > 0 ? threads - 1 : 0);
  std::vector<pthread_t> started;
  started.reserve(workers.size());
  for (std::size_t t = 0; t < workers.size(); ++t) {
    workers[t] = {&loop, !others.empty()};
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) break;
    if (workers[t].placed) {
      cpu_set_t one;
      CPU_ZERO(&one);
      CPU_SET(others[t % others.size()], &one);
      if (pthread_attr_setaffinity_np(&attr, sizeof(cpu_set_t), &one) != 0) {
        workers[t].placed = false;
      }
    }
    pthread_t id;
    int rc = pthread_create(&id, &attr, worker_main, &workers[t]);
    pthread_attr_destroy(&attr);
    if (rc != 0) break;  // fewer threads: the caller still runs the loop
    started.push_back(id);
  }
  loop.work();
  for (pthread_t id : started) pthread_join(id, nullptr);
}

}  // namespace

void parallel_for(std::size_t n, std::size_t jobs, const std::function<void(std::size_t)>& body,
                  ParallelBackend backend) {
  if (n == 0) return;
  if (jobs == 1 || n == 1) {
    for (std::size_t i = 0; i < n; ++i) body(i);
    return;
  }
  if (backend == ParallelBackend::kDefault) backend = default_backend();
  if (backend == ParallelBackend::kTbb) {
    if (TbbParallelFor tbb = tbb_plugin()) {
      auto* ctx = const_cast<void*>(static_cast<const void*>(&body));
      if (tbb(n, jobs, ctx, call_body) == 0) {
        g_backend = "tbb";
        return;
      }
      // The plugin failed (it could not start its threads): run the loop on
      // threads. Bodies only write their own slot, so a body that did run
      // already is simply run again.
    }
  }
  g_backend = "threads";
  run_on_threads(n, jobs, body);
}

const char* parallel_backend() {
  return g_backend.load();
}

}  // namespace hypergen
