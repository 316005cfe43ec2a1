#include "util/plugin_loader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>

namespace hypergen {

namespace {

std::string executable_dir() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  std::string path(buf, static_cast<std::size_t>(n));
  auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

}  // namespace

std::vector<std::string> plugin_search_dirs() {
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
  return dirs;
}

LoadedPlugin load_plugin(const std::string& file_name, const char* symbol) {
  LoadedPlugin out;
  std::string tried;
  for (const auto& dir : plugin_search_dirs()) {
    std::string path = dir + "/" + file_name;
    if (::access(path.c_str(), R_OK) != 0) {
      tried += "\n  " + path + ": not found";
      continue;
    }
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* err = ::dlerror();
      tried += "\n  " + path + ": " + (err ? err : "dlopen failed");
      continue;
    }
    if (void* sym = ::dlsym(handle, symbol)) {
      out.symbol = sym;
      out.path = path;
      return out;
    }
    tried += "\n  " + path + ": no symbol " + symbol;
    ::dlclose(handle);
  }
  out.why = "cannot load " + file_name + ", tried:" + tried;
  return out;
}

}  // namespace hypergen
