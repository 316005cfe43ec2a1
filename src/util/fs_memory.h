#pragma once
// An in-memory FileSystem for tests: files, directories and symbolic links in
// a map, POSIX-like semantics (stat follows symlinks, lstat does not, rename
// replaces atomically, remove refuses non-empty directories), a logical clock
// for mtimes, and an in-process lock table so lock contention can be tested.
// Relative paths are resolved against a settable current directory ("/").

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/fs.h"

namespace hypergen {

class MemoryFileSystem : public FileSystem {
 public:
  MemoryFileSystem();

  // Test set-up helpers: create parents as needed; overwrite what is there.
  void add_file(const std::string& path, std::string_view content, std::uint32_t mode = 0644);
  void add_dir(const std::string& path);
  void add_symlink(const std::string& path, const std::string& target);
  void set_current_dir(const std::string& path) { cwd_ = path; }
  // Every path (files, directories, symlinks) under `prefix`, sorted, for assertions.
  std::vector<std::string> all_paths(const std::string& prefix = "/") const;
  std::uint64_t mutations() const { return mutations_; }

  Result<FileStat> stat(const std::string& path) override;
  Result<FileStat> lstat(const std::string& path) override;
  Result<std::string> read_file(const std::string& path) override;
  Result<std::vector<DirEntry>> list_dir(const std::string& path) override;
  Status write_file(const std::string& path, std::string_view data, bool durable) override;
  Status rename(const std::string& from, const std::string& to) override;
  Status remove(const std::string& path) override;
  Status make_dirs(const std::string& path) override;
  Status sync_dir(const std::string& path) override;
  Result<std::string> read_link(const std::string& path) override;
  Result<std::string> current_dir() override;
  Status set_permissions(const std::string& path, std::uint32_t mode) override;
  Result<std::unique_ptr<FileLock>> lock_file(const std::string& path,
                                              std::chrono::milliseconds timeout) override;

 private:
  struct Node {
    FileStat::Type type = FileStat::Type::kFile;
    std::string data;  // file content or symlink target
    std::uint32_t mode = 0644;
    std::int64_t mtime_ns = 0;
    std::uint64_t inode = 0;
  };
  class Lock;

  std::string absolute(const std::string& path) const;
  // Resolves symlinks in every component but the last (and the last too when
  // follow_last). Fails on a missing intermediate directory or a loop.
  Result<std::string> resolve(const std::string& path, bool follow_last) const;
  FileStat to_stat(const Node& node) const;
  Status require_parent_dir(const std::string& resolved, const std::string& shown) const;
  void touch(Node& node);

  std::map<std::string, Node> nodes_;  // normalised absolute path → node; "/" always present
  std::string cwd_ = "/";
  std::uint64_t next_inode_ = 2;
  std::int64_t clock_ns_ = 1'000'000'000;
  std::uint64_t mutations_ = 0;
  std::shared_ptr<std::set<std::string>> locks_ = std::make_shared<std::set<std::string>>();
};

}  // namespace hypergen
