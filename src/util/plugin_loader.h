#pragma once
// Finding and loading hypergen's own plugins (`libhypergen-*.so`, modules
// built beside the executable and opened with dlopen() on first use, so the
// binary does not link what they wrap: oneTBB, SpiderMonkey).
//
// A plugin is looked up in $HYPERGEN_PLUGIN_DIR, beside the executable, in
// <exe>/../lib/hypergen, and in the build tree it was built in; the first
// file that loads and exports `symbol` wins.

#include <string>
#include <vector>

namespace hypergen {

struct LoadedPlugin {
  void* symbol = nullptr;  // nullptr: not found (see `why`)
  std::string path;        // the file that was loaded
  std::string why;         // when not found: every place tried and what failed
};

// The folders searched, in order.
std::vector<std::string> plugin_search_dirs();

// Loads `file_name` (e.g. "libhypergen-js.so") and returns `symbol` from
// it. The library stays loaded for the life of the process.
LoadedPlugin load_plugin(const std::string& file_name, const char* symbol);

}  // namespace hypergen
