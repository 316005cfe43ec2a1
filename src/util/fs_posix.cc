// The real FileSystem on POSIX. Every error names the path and strerror.

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "util/fs.h"

namespace hypergen {
namespace {

tl::unexpected<Error> sys_error(const char* what, const std::string& path, int err) {
  ErrorKind kind = (err == ENOENT || err == ENOTDIR) ? ErrorKind::kNotFound : ErrorKind::kIo;
  return make_error(kind, std::string("cannot ") + what + " '" + path + "': " + std::strerror(err));
}

FileStat::Type type_of(mode_t mode) {
  if (S_ISREG(mode)) return FileStat::Type::kFile;
  if (S_ISDIR(mode)) return FileStat::Type::kDirectory;
  if (S_ISLNK(mode)) return FileStat::Type::kSymlink;
  return FileStat::Type::kOther;
}

FileStat to_stat(const struct stat& st) {
  FileStat out;
  out.type = type_of(st.st_mode);
  out.size = static_cast<std::uint64_t>(st.st_size);
  out.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  out.inode = static_cast<std::uint64_t>(st.st_ino);
  out.device = static_cast<std::uint64_t>(st.st_dev);
  out.mode = static_cast<std::uint32_t>(st.st_mode & 07777);
  return out;
}

// Closes the descriptor on every path out of a function.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

class PosixLock : public FileLock {
 public:
  explicit PosixLock(int fd) : fd_(fd) {}
  ~PosixLock() override {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }

 private:
  int fd_;
};

class PosixDirHandle : public DirHandle {
 public:
  PosixDirHandle(std::string path, int fd) : DirHandle(std::move(path)), fd_(fd) {}
  ~PosixDirHandle() override { ::close(fd_); }
  int fd() const { return fd_; }

 private:
  int fd_;
};

class PosixFileSystem : public FileSystem {
 public:
  Result<FileStat> stat(const std::string& path) override { return do_stat(path, true); }
  Result<std::unique_ptr<DirHandle>> open_dir(const std::string& path) override {
    int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return sys_error("open directory", path, errno);
    return std::make_unique<PosixDirHandle>(path, fd);
  }
  Result<FileStat> stat_in(const DirHandle& dir, const std::string& rel) override {
    const auto* posix = dynamic_cast<const PosixDirHandle*>(&dir);
    if (posix == nullptr) return FileSystem::stat_in(dir, rel);
    struct stat st {};
    if (::fstatat(posix->fd(), rel.c_str(), &st, 0) != 0) {
      if (errno == ENOENT || errno == ENOTDIR) return FileStat{};
      return sys_error("stat", dir.path() + "/" + rel, errno);
    }
    return to_stat(st);
  }
  Result<FileStat> lstat(const std::string& path) override { return do_stat(path, false); }
  bool thread_safe() const override { return true; }

  Result<std::string> read_file(const std::string& path) override {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return sys_error("read", path, errno);
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return sys_error("read", path, errno);
    if (S_ISDIR(st.st_mode)) return sys_error("read", path, EISDIR);
    // Read straight into the string, sized from fstat, one byte more than
    // the size: a regular file that does not change meanwhile comes back in
    // one read, whose shortness says it is the end (no second read to see
    // 0). A growing file fills the buffer and is read on; other files (size
    // 0 in /proc, pipes) are read until read() returns 0.
    const bool regular = S_ISREG(st.st_mode) && st.st_size > 0;
    std::string out;
    std::size_t used = 0;
    out.resize(regular ? static_cast<std::size_t>(st.st_size) + 1 : 4096);
    for (;;) {
      if (used == out.size()) out.resize(out.size() * 2);
      const std::size_t want = out.size() - used;
      ssize_t n = ::read(fd.get(), out.data() + used, want);
      if (n < 0) {
        if (errno == EINTR) continue;
        return sys_error("read", path, errno);
      }
      if (n == 0) break;
      used += static_cast<std::size_t>(n);
      if (regular && static_cast<std::size_t>(n) < want) break;
    }
    out.resize(used);
    return out;
  }

  Result<std::vector<DirEntry>> list_dir(const std::string& path) override {
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) return sys_error("list directory", path, errno);
    std::vector<DirEntry> out;
    errno = 0;
    while (struct dirent* entry = ::readdir(dir)) {
      std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      DirEntry item;
      item.name = std::string(name);
      switch (entry->d_type) {
        case DT_REG:
          item.type = FileStat::Type::kFile;
          break;
        case DT_DIR:
          item.type = FileStat::Type::kDirectory;
          break;
        case DT_LNK:
          item.type = FileStat::Type::kSymlink;
          break;
        case DT_UNKNOWN: {
          struct stat st {};
          std::string full = path + "/" + item.name;
          item.type =
              ::lstat(full.c_str(), &st) == 0 ? type_of(st.st_mode) : FileStat::Type::kOther;
          break;
        }
        default:
          item.type = FileStat::Type::kOther;
          break;
      }
      out.push_back(std::move(item));
      errno = 0;
    }
    int err = errno;
    ::closedir(dir);
    if (err != 0) return sys_error("list directory", path, err);
    return out;
  }

  Status write_file(const std::string& path, std::string_view data, bool durable) override {
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
    if (fd.get() < 0) return sys_error("write", path, errno);
    std::size_t done = 0;
    while (done < data.size()) {
      ssize_t n = ::write(fd.get(), data.data() + done, data.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        return sys_error("write", path, errno);
      }
      done += static_cast<std::size_t>(n);
    }
    if (durable && ::fsync(fd.get()) != 0) return sys_error("sync", path, errno);
    if (::close(fd.release()) != 0) return sys_error("write", path, errno);
    return {};
  }

  Status rename(const std::string& from, const std::string& to) override {
    if (::rename(from.c_str(), to.c_str()) != 0) {
      int err = errno;
      return make_error(err == ENOENT ? ErrorKind::kNotFound : ErrorKind::kIo,
                        "cannot rename '" + from + "' to '" + to + "': " + std::strerror(err));
    }
    return {};
  }

  Status remove(const std::string& path) override {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return sys_error("remove", path, errno);
    int rc = S_ISDIR(st.st_mode) ? ::rmdir(path.c_str()) : ::unlink(path.c_str());
    if (rc != 0) return sys_error("remove", path, errno);
    return {};
  }

  Status make_dirs(const std::string& path) override {
    if (path.empty()) return {};
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
      if (S_ISDIR(st.st_mode)) return {};
      return sys_error("create directory", path, EEXIST);
    }
    auto slash = path.find_last_of('/');
    if (slash != std::string::npos && slash > 0) {
      HG_RETURN_IF_ERROR(make_dirs(path.substr(0, slash)));
    }
    if (::mkdir(path.c_str(), 0777) != 0 && errno != EEXIST) {
      return sys_error("create directory", path, errno);
    }
    return {};
  }

  Status sync_dir(const std::string& path) override {
    Fd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0) return sys_error("sync directory", path, errno);
    if (::fsync(fd.get()) != 0 && errno != EINVAL) return sys_error("sync directory", path, errno);
    return {};
  }

  Result<std::string> read_link(const std::string& path) override {
    std::string buffer(256, '\0');
    for (;;) {
      ssize_t n = ::readlink(path.c_str(), buffer.data(), buffer.size());
      if (n < 0) return sys_error("read link", path, errno);
      if (static_cast<std::size_t>(n) < buffer.size()) {
        buffer.resize(static_cast<std::size_t>(n));
        return buffer;
      }
      buffer.resize(buffer.size() * 2);
    }
  }

  Result<std::string> current_dir() override {
    std::string buffer(4096, '\0');
    if (::getcwd(buffer.data(), buffer.size()) == nullptr) {
      return make_error(ErrorKind::kIo,
                        std::string("cannot get the current directory: ") + std::strerror(errno));
    }
    buffer.resize(std::strlen(buffer.c_str()));
    return buffer;
  }

  Status set_permissions(const std::string& path, std::uint32_t mode) override {
    if (::chmod(path.c_str(), static_cast<mode_t>(mode & 07777)) != 0) {
      return sys_error("change permissions of", path, errno);
    }
    return {};
  }

  Result<std::unique_ptr<FileLock>> lock_file(const std::string& path,
                                              std::chrono::milliseconds timeout) override {
    Fd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666));
    if (fd.get() < 0) return sys_error("open lock file", path, errno);
    auto deadline = std::chrono::steady_clock::now() + timeout;
    auto pause = std::chrono::milliseconds(1);
    for (;;) {
      if (::flock(fd.get(), LOCK_EX | LOCK_NB) == 0) {
        return std::unique_ptr<FileLock>(std::make_unique<PosixLock>(fd.release()));
      }
      if (errno == EINTR) continue;
      if (errno != EWOULDBLOCK) return sys_error("lock", path, errno);
      auto now = std::chrono::steady_clock::now();
      if (now >= deadline) {
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(timeout).count();
        return make_error(ErrorKind::kConflict, "another hypergen process holds the lock '" + path +
                                                    "' (waited " + std::to_string(ms) +
                                                    " ms); try again when it has finished");
      }
      std::this_thread::sleep_for(
          std::min<std::chrono::steady_clock::duration>(pause, deadline - now));
      pause = std::min(pause * 2, std::chrono::milliseconds(50));
    }
  }

 private:
  Result<FileStat> do_stat(const std::string& path, bool follow) {
    struct stat st {};
    int rc = follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
    if (rc != 0) {
      if (errno == ENOENT || errno == ENOTDIR) return FileStat{};
      return sys_error("stat", path, errno);
    }
    return to_stat(st);
  }
};

}  // namespace

std::unique_ptr<FileSystem> make_real_file_system() {
  return std::make_unique<PosixFileSystem>();
}

}  // namespace hypergen
