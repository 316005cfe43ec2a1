#pragma once
// The outside world, part 1: the file system. Everything that reads or writes
// files goes through FileSystem so that tests can use an in-memory or
// fault-injecting implementation and `--dry` can record instead of write.
//
// Paths are std::string, absolute or relative to the process's cwd, with '/'
// separators. Errors are values (kind kIo or kNotFound) whose message names
// the path and the system's reason.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace hypergen {

struct FileStat {
  enum class Type : std::uint8_t { kMissing, kFile, kDirectory, kSymlink, kOther };
  Type type = Type::kMissing;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;  // modification time, ns since the epoch
  std::uint64_t inode = 0;
  std::uint64_t device = 0;
  std::uint32_t mode = 0;  // permission bits
  bool exists() const { return type != Type::kMissing; }
  bool is_file() const { return type == Type::kFile; }
  bool is_directory() const { return type == Type::kDirectory; }
};

// An exclusive advisory lock, held until the object is destroyed (or the
// process dies: the kernel releases flock locks of a killed process).
class FileLock {
 public:
  virtual ~FileLock() = default;
};

struct DirEntry {
  std::string name;  // file name only
  FileStat::Type type = FileStat::Type::kOther;
};

// A directory opened with FileSystem::open_dir, for stat_in().
class DirHandle {
 public:
  explicit DirHandle(std::string path) : path_(std::move(path)) {}
  virtual ~DirHandle() = default;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Whether several threads may call this object at once (the real file
  // system: yes). Parallel stages fall back to one thread when it is not
  // (the in-memory and fault-injecting file systems of tests, whose
  // operation counts must stay deterministic).
  virtual bool thread_safe() const { return false; }

  // stat() follows symlinks, lstat() does not. A missing path is not an
  // error: it returns Type::kMissing.
  virtual Result<FileStat> stat(const std::string& path) = 0;
  virtual Result<FileStat> lstat(const std::string& path) = 0;
  // stat() of `dir.path() + "/" + rel` (`rel` relative, no leading '/'). The
  // POSIX one keeps the directory open and walks only `rel` (fstatat), which
  // is cheaper for thousands of stats below one folder; the default joins the
  // paths and calls stat(). The handle may be used from several threads.
  virtual Result<std::unique_ptr<DirHandle>> open_dir(const std::string& path) {
    return std::make_unique<DirHandle>(path);
  }
  virtual Result<FileStat> stat_in(const DirHandle& dir, const std::string& rel) {
    return stat(dir.path() + "/" + rel);
  }
  virtual Result<std::string> read_file(const std::string& path) = 0;
  // Entries of a directory (without "." and ".."), in no particular order.
  virtual Result<std::vector<DirEntry>> list_dir(const std::string& path) = 0;
  // Writes the whole file (creating or truncating it) and fsyncs it when
  // `durable` is set. Not atomic on its own: see util/atomic_file.h.
  virtual Status write_file(const std::string& path, std::string_view data, bool durable) = 0;
  virtual Status rename(const std::string& from, const std::string& to) = 0;
  // Removes a file, a symlink or an empty directory; kNotFound if missing.
  virtual Status remove(const std::string& path) = 0;
  // mkdir -p; existing directories are fine.
  virtual Status make_dirs(const std::string& path) = 0;
  // fsync a directory so renames in it are durable.
  virtual Status sync_dir(const std::string& path) = 0;
  virtual Result<std::string> read_link(const std::string& path) = 0;
  virtual Result<std::string> current_dir() = 0;
  // chmod: sets the permission bits (e.g. to keep the mode of an overwritten
  // file on the staged file that replaces it).
  virtual Status set_permissions(const std::string& path, std::uint32_t mode) {
    (void)mode;
    return make_error(ErrorKind::kIo, "cannot change permissions of '" + path +
                                          "': not supported by this file system");
  }
  // Takes an exclusive lock on `path` (creating the file if needed), waiting
  // at most `timeout` for another process to release it; kConflict when it is
  // still held after that. The default is for file systems that no other
  // process can see: the lock always succeeds.
  virtual Result<std::unique_ptr<FileLock>> lock_file(const std::string& path,
                                                      std::chrono::milliseconds timeout) {
    (void)path;
    (void)timeout;
    return std::make_unique<FileLock>();
  }
};

// The real file system (POSIX).
std::unique_ptr<FileSystem> make_real_file_system();

}  // namespace hypergen
