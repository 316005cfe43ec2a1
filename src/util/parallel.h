#pragma once
// parallel_for: run body(i) for every i in [0, n) on up to `jobs` threads.
//
// The thread pool is oneTBB, but the hypergen binary does not link it:
// loading libtbb (and the shared C++ runtime it needs) cost more
// instructions at startup than a whole five-template generation. TBB lives
// in a small plugin, `libhypergen-tbb.so`, loaded with dlopen() the first
// time a loop is big enough to go parallel. Commands that never go parallel
// (`--version`, `list`, small generations) never load it. When the plugin
// cannot be found the loop runs on plain std::threads instead, with the
// same results.
//
// The plugin is looked up in $HYPERGEN_PLUGIN_DIR, beside the executable,
// in <exe>/../lib/hypergen, and in the build tree it was built in.
//
// `body` must not throw. Results must not depend on the order of calls
// (callers write to slot i).

#include <cstddef>
#include <functional>

namespace hypergen {

void parallel_for(std::size_t n, std::size_t jobs, const std::function<void(std::size_t)>& body);

// Which implementation the last parallel loop used: "tbb", "threads", or
// "" when none ran yet (for --stats and tests).
const char* parallel_backend();

}  // namespace hypergen
