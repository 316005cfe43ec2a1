// libhypergen-tbb.so: oneTBB behind a C interface, loaded on demand by
// util/parallel.cc. Only plain pointers cross the boundary (the main binary
// links its C++ runtime statically in Release builds; this plugin uses the
// shared one that libtbb needs).
#include <cstddef>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

extern "C" __attribute__((visibility("default"))) int hypergen_tbb_parallel_for(
    std::size_t n, std::size_t jobs, void* ctx, void (*body)(void*, std::size_t)) {
  try {
    auto run = [&] { tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) { body(ctx, i); }); };
    if (jobs > 0) {
      tbb::task_arena arena(static_cast<int>(jobs));
      arena.execute(run);
    } else {
      run();
    }
    return 0;
  } catch (...) {
    return 1;
  }
}
