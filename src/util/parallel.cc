#include "util/parallel.h"

#include "util/plugin_loader.h"

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hypergen {

namespace {

using TbbParallelFor = int (*)(std::size_t, std::size_t, void*, void (*)(void*, std::size_t));

TbbParallelFor load_tbb() {
  LoadedPlugin loaded = load_plugin("libhypergen-tbb.so", "hypergen_tbb_parallel_for");
  return reinterpret_cast<TbbParallelFor>(loaded.symbol);
}

TbbParallelFor plugin() {
  static std::once_flag once;
  static TbbParallelFor fn = nullptr;
  std::call_once(once, [] {
    if (const char* off = std::getenv("HYPERGEN_NO_TBB"); off && *off && *off != '0') return;
    fn = load_tbb();
  });
  return fn;
}

std::atomic<const char*> g_backend{""};

void call_body(void* ctx, std::size_t i) {
  (*static_cast<const std::function<void(std::size_t)>*>(ctx))(i);
}

void run_on_threads(std::size_t n, std::size_t jobs, const std::function<void(std::size_t)>& body) {
  std::size_t threads = jobs > 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
  if (threads > n) threads = n;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) body(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

}  // namespace

void parallel_for(std::size_t n, std::size_t jobs, const std::function<void(std::size_t)>& body) {
  if (n == 0) return;
  if (jobs == 1 || n == 1) {
    for (std::size_t i = 0; i < n; ++i) body(i);
    return;
  }
  if (TbbParallelFor tbb = plugin()) {
    auto* ctx = const_cast<void*>(static_cast<const void*>(&body));
    if (tbb(n, jobs, ctx, call_body) == 0) {
      g_backend = "tbb";
      return;
    }
    // The plugin failed (it could not start its threads): run the loop on
    // std::threads. Bodies only write their own slot, so a body that did
    // run already is simply run again.
  }
  g_backend = "threads";
  run_on_threads(n, jobs, body);
}

const char* parallel_backend() {
  return g_backend.load();
}

}  // namespace hypergen
