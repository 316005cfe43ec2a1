#include "cache/maintenance.h"

#include <fmt/format.h>

namespace hypergen::cache {

std::string objects_dir(const std::string& project_root) {
  std::string p = project_root;
  if (p.empty() || p.back() != '/') p += '/';
  p += kObjectsRelPath;
  return p;
}

Result<CacheStatus> cache_status(FileSystem& fs, const std::string& project_root,
                                 const std::vector<std::string>& roots,
                                 const index::Options& options) {
  CacheStatus status;
  auto idx = index::index_status(fs, project_root, roots, options);
  if (!idx) return tl::unexpected(idx.error());
  status.index = *idx;
  DiskStore store(fs, objects_dir(project_root), Access::kReadOnly);
  status.objects = store.usage();
  return status;
}

std::string format_cache_status(const CacheStatus& s) {
  std::string out;
  const auto& i = s.index;
  if (!i.exists) {
    out += "index: none\n";
  } else if (i.file_status != index::FormatStatus::kOk) {
    out += fmt::format("index: unusable ({}), will be rebuilt\n",
                       index::format_status_name(i.file_status));
  } else {
    std::string state = !i.roots_match ? "built for other template roots, will be rebuilt"
                        : i.stale_generators + i.stale_actions == 0
                            ? "fresh"
                            : fmt::format("{} generator(s) and {} action(s) changed since",
                                          i.stale_generators, i.stale_actions);
    out += fmt::format("index: {} ({} bytes)\n", state, i.file_size);
    out += fmt::format("generators: {}\nactions: {} ({} read)\ntemplates: {}\n", i.generators,
                       i.actions, i.scanned_actions, i.templates);
  }
  out += fmt::format("objects: {} ({} bytes)\n", s.objects.entries, s.objects.bytes);
  return out;
}

Status cache_clear(FileSystem& fs, const std::string& project_root) {
  HG_RETURN_IF_ERROR(index::index_clear(fs, project_root));
  DiskStore store(fs, objects_dir(project_root), Access::kReadWrite);
  store.clear();
  return {};
}

Result<index::Loaded> cache_rebuild(FileSystem& fs, const std::string& project_root,
                                    const std::vector<std::string>& roots,
                                    const index::Options& options, Metrics* metrics) {
  return index::index_rebuild(fs, project_root, roots, options, metrics);
}

}  // namespace hypergen::cache
