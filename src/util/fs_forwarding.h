#pragma once
// A FileSystem that passes every call to another one: the base of the
// wrappers that change a few calls (the index builder's recorder, the fault
// injector, test doubles), so each one spells out only what it changes.
//
// open_dir()/stat_in() and thread_safe() keep FileSystem's defaults (joined
// paths through stat(); not thread-safe): a wrapper that overrides stat()
// sees every stat, and one that may be called from several threads says so.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/fs.h"

namespace hypergen {

class ForwardingFileSystem : public FileSystem {
 public:
  explicit ForwardingFileSystem(FileSystem& inner) : inner_(&inner) {}

  Result<FileStat> stat(const std::string& path) override { return inner_->stat(path); }
  Result<FileStat> lstat(const std::string& path) override { return inner_->lstat(path); }
  Result<std::string> read_file(const std::string& path) override {
    return inner_->read_file(path);
  }
  Result<std::vector<DirEntry>> list_dir(const std::string& path) override {
    return inner_->list_dir(path);
  }
  Status write_file(const std::string& path, std::string_view data, bool durable) override {
    return inner_->write_file(path, data, durable);
  }
  Status rename(const std::string& from, const std::string& to) override {
    return inner_->rename(from, to);
  }
  Status remove(const std::string& path) override { return inner_->remove(path); }
  Status make_dirs(const std::string& path) override { return inner_->make_dirs(path); }
  Status sync_dir(const std::string& path) override { return inner_->sync_dir(path); }
  Result<std::string> read_link(const std::string& path) override {
    return inner_->read_link(path);
  }
  Result<std::string> current_dir() override { return inner_->current_dir(); }
  Status set_permissions(const std::string& path, std::uint32_t mode) override {
    return inner_->set_permissions(path, mode);
  }
  Result<std::unique_ptr<FileLock>> lock_file(const std::string& path,
                                              std::chrono::milliseconds timeout) override {
    return inner_->lock_file(path, timeout);
  }

 protected:
  FileSystem& inner() { return *inner_; }

 private:
  FileSystem* inner_;
};

}  // namespace hypergen
