// libFuzzer target for config/: the input is the text of a project file in
// an in-memory project (/p, cwd /p/sub). The first byte picks which file it
// is (hypergen.yml, .hypergen.yml or hypergen.json) and which template-root
// environment variables are set; the rest is the file's content. Every
// loaded value is read back. Any crash or sanitizer report is a bug in
// src/config/ (or in how it uses yaml-cpp / nlohmann-json).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "config/config.h"
#include "util/fs_memory.h"

namespace {

constexpr std::size_t kMaxInputBytes = 2048;
constexpr const char* kNames[] = {"hypergen.yml", ".hypergen.yml", "hypergen.json"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  using namespace hypergen;
  if (size == 0) return 0;
  if (size > kMaxInputBytes) return -1;
  const std::uint8_t selector = bytes[0];
  const std::string_view text(reinterpret_cast<const char*>(bytes + 1), size - 1);

  MemoryFileSystem fs;
  fs.add_dir("/p/sub");
  fs.add_dir("/p/tmpl");
  fs.add_dir("/p/sub/_templates");
  fs.add_file(std::string("/p/") + kNames[selector % 3], text);
  const bool env_hypergen = (selector & 0x10) != 0;
  const bool env_hygen = (selector & 0x20) != 0;
  const bool env_overwrite = (selector & 0x40) != 0;
  config::EnvLookup env = [&](std::string_view name) -> std::optional<std::string> {
    if (env_hypergen && name == "HYPERGEN_TMPLS") return std::string("/p/tmpl");
    if (env_hygen && name == "HYGEN_TMPLS") return std::string("../missing");
    if (env_overwrite && name == "HYPERGEN_OVERWRITE") return std::string("1");
    return std::nullopt;
  };

  auto cfg = config::load_config(fs, env, "/p/sub");
  if (!cfg) {
    volatile std::size_t len = cfg.error().message.size() + cfg.error().where.file.size();
    (void)len;
    return 0;
  }
  if (cfg->project_root.empty() || cfg->project_root.front() != '/') std::abort();
  std::size_t total = cfg->config_file.size() + cfg->conflict_origin.size() +
                      std::string_view(config::conflict_name(cfg->conflict)).size();
  for (const auto& root : cfg->templates) {
    if (root.path.empty() || root.path.front() != '/') std::abort();  // always absolute
    total += root.origin.size();
  }
  total += cfg->cache.policy.size() + cfg->cache.max_bytes.size() + cfg->cache.shared.size() +
           cfg->cache.max_bytes_where.file.size();
  volatile std::size_t sink = total;
  (void)sink;
  return 0;
}
