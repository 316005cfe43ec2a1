#pragma once
// `hypergen cache status|clear|rebuild`: the index (index/index.h) and the
// local object store (cache/disk_store.h) of one project, together.

#include <string>
#include <vector>

#include "cache/disk_store.h"
#include "index/index.h"
#include "util/fs.h"
#include "util/result.h"

namespace hypergen::cache {

inline constexpr std::string_view kObjectsRelPath = ".hypergen/cache/objects";
std::string objects_dir(const std::string& project_root);

struct CacheStatus {
  index::IndexStatus index;
  DiskStore::Usage objects;
};

Result<CacheStatus> cache_status(FileSystem& fs, const std::string& project_root,
                                 const std::vector<std::string>& roots,
                                 const index::Options& options);
// Human-readable report, one "key: value" line each.
std::string format_cache_status(const CacheStatus& status);
// Deletes the index and every local object (never the shared directory).
Status cache_clear(FileSystem& fs, const std::string& project_root);
// Re-reads every generator, action and template and rewrites the index.
Result<index::Loaded> cache_rebuild(FileSystem& fs, const std::string& project_root,
                                    const std::vector<std::string>& roots,
                                    const index::Options& options, Metrics* metrics);

}  // namespace hypergen::cache
