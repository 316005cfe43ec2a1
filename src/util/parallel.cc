#include "util/parallel.h"

#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hypergen {

namespace {

using TbbParallelFor = int (*)(std::size_t, std::size_t, void*, void (*)(void*, std::size_t));

constexpr const char* kPluginName = "libhypergen-tbb.so";

std::string executable_dir() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  std::string path(buf, static_cast<std::size_t>(n));
  auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

TbbParallelFor load_plugin() {
  std::vector<std::string> dirs;
  if (const char* d = std::getenv("HYPERGEN_PLUGIN_DIR"); d && *d) dirs.emplace_back(d);
  std::string exe = executable_dir();
  if (!exe.empty()) {
    dirs.push_back(exe);
    dirs.push_back(exe + "/../lib/hypergen");
  }
#ifdef HYPERGEN_PLUGIN_BUILD_DIR
  dirs.emplace_back(HYPERGEN_PLUGIN_BUILD_DIR);
#endif
  for (const auto& dir : dirs) {
    std::string path = dir + "/" + kPluginName;
    if (::access(path.c_str(), R_OK) != 0) continue;
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) continue;
    if (void* sym = ::dlsym(handle, "hypergen_tbb_parallel_for")) {
      return reinterpret_cast<TbbParallelFor>(sym);
    }
    ::dlclose(handle);
  }
  return nullptr;
}

TbbParallelFor plugin() {
  static std::once_flag once;
  static TbbParallelFor fn = nullptr;
  std::call_once(once, [] {
    if (const char* off = std::getenv("HYPERGEN_NO_TBB"); off && *off && *off != '0') return;
    fn = load_plugin();
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
