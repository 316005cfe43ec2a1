#include "util/fs_memory.h"
#include "util/path.h"

#include <cerrno>
#include <cstring>
#include <deque>

namespace hypergen {
namespace {

constexpr int kMaxSymlinkHops = 40;

std::string join(const std::string& dir, const std::string& name) {
  return dir == "/" ? "/" + name : dir + "/" + name;
}

std::string parent_of(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == 0 || slash == std::string::npos) return "/";
  return path.substr(0, slash);
}

tl::unexpected<Error> sys_error(const char* what, const std::string& path, int err) {
  ErrorKind kind = (err == ENOENT || err == ENOTDIR) ? ErrorKind::kNotFound : ErrorKind::kIo;
  return make_error(kind, std::string("cannot ") + what + " '" + path + "': " + std::strerror(err));
}

}  // namespace

class MemoryFileSystem::Lock : public FileLock {
 public:
  Lock(std::shared_ptr<std::set<std::string>> table, std::string path)
      : table_(std::move(table)), path_(std::move(path)) {}
  ~Lock() override { table_->erase(path_); }

 private:
  std::shared_ptr<std::set<std::string>> table_;
  std::string path_;
};

MemoryFileSystem::MemoryFileSystem() {
  Node root;
  root.type = FileStat::Type::kDirectory;
  root.mode = 0755;
  root.inode = 1;
  nodes_["/"] = root;
}

std::string MemoryFileSystem::absolute(const std::string& path) const {
  std::string full = (!path.empty() && path[0] == '/') ? path : join(cwd_, path);
  std::string out = "/";
  for (auto& part : split_path(full)) {
    if (part == ".") continue;
    out = join(out, part);  // ".." is resolved physically by resolve()
  }
  return out;
}

Result<std::string> MemoryFileSystem::resolve(const std::string& path, bool follow_last) const {
  if (path.find('\0') != std::string::npos) return sys_error("resolve", path, EINVAL);
  std::string full = (!path.empty() && path[0] == '/') ? path : join(cwd_, path);
  std::deque<std::string> todo;
  for (auto& part : split_path(full)) todo.push_back(part);
  std::string current = "/";
  int hops = 0;
  while (!todo.empty()) {
    std::string part = std::move(todo.front());
    todo.pop_front();
    bool last = todo.empty();
    if (part == ".") continue;
    if (part == "..") {
      current = parent_of(current);
      continue;
    }
    std::string candidate = join(current, part);
    auto it = nodes_.find(candidate);
    if (it == nodes_.end()) {
      if (!last) return sys_error("resolve", path, ENOENT);
      current = candidate;
      continue;
    }
    const Node& node = it->second;
    if (node.type == FileStat::Type::kSymlink && (!last || follow_last)) {
      if (++hops > kMaxSymlinkHops) return sys_error("resolve", path, ELOOP);
      auto target = split_path(node.data);
      for (auto r = target.rbegin(); r != target.rend(); ++r) todo.push_front(*r);
      if (!node.data.empty() && node.data[0] == '/') current = "/";
      continue;
    }
    if (!last && node.type != FileStat::Type::kDirectory) {
      return sys_error("resolve", path, ENOTDIR);
    }
    current = candidate;
  }
  return current;
}

FileStat MemoryFileSystem::to_stat(const Node& node) const {
  FileStat st;
  st.type = node.type;
  st.size = node.type == FileStat::Type::kDirectory ? 4096 : node.data.size();
  st.mtime_ns = node.mtime_ns;
  st.inode = node.inode;
  st.device = 1;
  st.mode = node.mode;
  return st;
}

void MemoryFileSystem::touch(Node& node) {
  clock_ns_ += 1'000'000;
  node.mtime_ns = clock_ns_;
  ++mutations_;
}

Status MemoryFileSystem::require_parent_dir(const std::string& resolved,
                                            const std::string& shown) const {
  auto it = nodes_.find(parent_of(resolved));
  if (it == nodes_.end()) return sys_error("write", shown, ENOENT);
  if (it->second.type != FileStat::Type::kDirectory) return sys_error("write", shown, ENOTDIR);
  return {};
}

void MemoryFileSystem::add_dir(const std::string& path) {
  (void)make_dirs(absolute(path));
}

void MemoryFileSystem::add_file(const std::string& path, std::string_view content,
                                std::uint32_t mode) {
  std::string full = absolute(path);
  add_dir(parent_of(full));
  Node& node = nodes_[full];
  node.type = FileStat::Type::kFile;
  node.data = std::string(content);
  node.mode = mode;
  if (node.inode == 0) node.inode = next_inode_++;
  touch(node);
}

void MemoryFileSystem::add_symlink(const std::string& path, const std::string& target) {
  std::string full = absolute(path);
  add_dir(parent_of(full));
  Node& node = nodes_[full];
  node.type = FileStat::Type::kSymlink;
  node.data = target;
  node.mode = 0777;
  if (node.inode == 0) node.inode = next_inode_++;
  touch(node);
}

std::vector<std::string> MemoryFileSystem::all_paths(const std::string& prefix) const {
  std::vector<std::string> out;
  for (auto& [path, node] : nodes_) {
    if (path == "/") continue;
    if (prefix == "/" || path == prefix || path.rfind(prefix + "/", 0) == 0) out.push_back(path);
  }
  return out;
}

Result<FileStat> MemoryFileSystem::stat(const std::string& path) {
  auto resolved = resolve(path, true);
  if (!resolved) {
    if (resolved.error().kind == ErrorKind::kNotFound) return FileStat{};
    return tl::unexpected(resolved.error());
  }
  auto it = nodes_.find(*resolved);
  if (it == nodes_.end()) return FileStat{};
  return to_stat(it->second);
}

Result<FileStat> MemoryFileSystem::lstat(const std::string& path) {
  auto resolved = resolve(path, false);
  if (!resolved) {
    if (resolved.error().kind == ErrorKind::kNotFound) return FileStat{};
    return tl::unexpected(resolved.error());
  }
  auto it = nodes_.find(*resolved);
  if (it == nodes_.end()) return FileStat{};
  return to_stat(it->second);
}

Result<std::string> MemoryFileSystem::read_file(const std::string& path) {
  auto resolved = resolve(path, true);
  if (!resolved) return sys_error("read", path, ENOENT);
  auto it = nodes_.find(*resolved);
  if (it == nodes_.end()) return sys_error("read", path, ENOENT);
  if (it->second.type == FileStat::Type::kDirectory) return sys_error("read", path, EISDIR);
  return it->second.data;
}

Result<std::vector<DirEntry>> MemoryFileSystem::list_dir(const std::string& path) {
  auto resolved = resolve(path, true);
  if (!resolved) return sys_error("list directory", path, ENOENT);
  auto it = nodes_.find(*resolved);
  if (it == nodes_.end()) return sys_error("list directory", path, ENOENT);
  if (it->second.type != FileStat::Type::kDirectory) {
    return sys_error("list directory", path, ENOTDIR);
  }
  std::string prefix = *resolved == "/" ? "/" : *resolved + "/";
  std::vector<DirEntry> out;
  for (auto child = nodes_.lower_bound(prefix);
       child != nodes_.end() && child->first.rfind(prefix, 0) == 0; ++child) {
    std::string_view rest = std::string_view(child->first).substr(prefix.size());
    if (rest.empty() || rest.find('/') != std::string_view::npos) continue;
    out.push_back(DirEntry{std::string(rest), child->second.type});
  }
  return out;
}

Status MemoryFileSystem::write_file(const std::string& path, std::string_view data, bool durable) {
  (void)durable;
  auto resolved = resolve(path, true);
  if (!resolved) return sys_error("write", path, ENOENT);
  HG_RETURN_IF_ERROR(require_parent_dir(*resolved, path));
  auto it = nodes_.find(*resolved);
  if (it != nodes_.end() && it->second.type == FileStat::Type::kDirectory) {
    return sys_error("write", path, EISDIR);
  }
  Node& node = nodes_[*resolved];
  node.type = FileStat::Type::kFile;
  node.data = std::string(data);
  if (node.inode == 0) node.inode = next_inode_++;
  touch(node);
  return {};
}

Status MemoryFileSystem::rename(const std::string& from, const std::string& to) {
  auto failed = [&](int err) {
    return make_error(err == ENOENT ? ErrorKind::kNotFound : ErrorKind::kIo,
                      "cannot rename '" + from + "' to '" + to + "': " + std::strerror(err));
  };
  auto src = resolve(from, false);
  auto dst = resolve(to, false);
  if (!src || !dst) return failed(ENOENT);
  auto src_it = nodes_.find(*src);
  if (src_it == nodes_.end()) return failed(ENOENT);
  if (*src == *dst) return {};
  auto parent = nodes_.find(parent_of(*dst));
  if (parent == nodes_.end()) return failed(ENOENT);
  if (parent->second.type != FileStat::Type::kDirectory) return failed(ENOTDIR);
  bool src_dir = src_it->second.type == FileStat::Type::kDirectory;
  if (src_dir && dst->rfind(*src + "/", 0) == 0) return failed(EINVAL);
  if (auto dst_it = nodes_.find(*dst); dst_it != nodes_.end()) {
    bool dst_dir = dst_it->second.type == FileStat::Type::kDirectory;
    if (dst_dir && !src_dir) return failed(EISDIR);
    if (!dst_dir && src_dir) return failed(ENOTDIR);
    if (dst_dir) {
      auto child = nodes_.lower_bound(*dst + "/");
      if (child != nodes_.end() && child->first.rfind(*dst + "/", 0) == 0) return failed(ENOTEMPTY);
    }
    nodes_.erase(dst_it);
  }
  // Move the node and, for a directory, its whole subtree.
  std::vector<std::pair<std::string, Node>> moved;
  std::string prefix = *src + "/";
  for (auto it = nodes_.lower_bound(*src); it != nodes_.end();) {
    if (it->first != *src && it->first.rfind(prefix, 0) != 0) break;
    moved.emplace_back(*dst + it->first.substr(src->size()), std::move(it->second));
    it = nodes_.erase(it);
  }
  for (auto& [path, node] : moved) nodes_[path] = std::move(node);
  touch(nodes_[parent_of(*dst)]);
  return {};
}

Status MemoryFileSystem::remove(const std::string& path) {
  auto resolved = resolve(path, false);
  if (!resolved) return sys_error("remove", path, ENOENT);
  auto it = nodes_.find(*resolved);
  if (it == nodes_.end() || *resolved == "/") return sys_error("remove", path, ENOENT);
  if (it->second.type == FileStat::Type::kDirectory) {
    auto child = nodes_.lower_bound(*resolved + "/");
    if (child != nodes_.end() && child->first.rfind(*resolved + "/", 0) == 0) {
      return sys_error("remove", path, ENOTEMPTY);
    }
  }
  nodes_.erase(it);
  touch(nodes_[parent_of(*resolved)]);
  return {};
}

Status MemoryFileSystem::make_dirs(const std::string& path) {
  std::string current = "/";
  for (auto& part : split_path(absolute(path))) {
    std::string next = join(current, part);
    auto resolved = resolve(next, true);
    if (!resolved) return sys_error("create directory", path, ENOTDIR);
    auto it = nodes_.find(*resolved);
    if (it == nodes_.end()) {
      Node node;
      node.type = FileStat::Type::kDirectory;
      node.mode = 0755;
      node.inode = next_inode_++;
      touch(node);
      nodes_[*resolved] = node;
    } else if (it->second.type != FileStat::Type::kDirectory) {
      return sys_error("create directory", path, EEXIST);
    }
    current = *resolved;
  }
  return {};
}

Status MemoryFileSystem::sync_dir(const std::string& path) {
  auto st = stat(path);
  if (!st) return tl::unexpected(st.error());
  if (!st->is_directory()) return sys_error("sync directory", path, ENOTDIR);
  return {};
}

Result<std::string> MemoryFileSystem::read_link(const std::string& path) {
  auto resolved = resolve(path, false);
  if (!resolved) return sys_error("read link", path, ENOENT);
  auto it = nodes_.find(*resolved);
  if (it == nodes_.end()) return sys_error("read link", path, ENOENT);
  if (it->second.type != FileStat::Type::kSymlink) return sys_error("read link", path, EINVAL);
  return it->second.data;
}

Result<std::string> MemoryFileSystem::current_dir() {
  return cwd_;
}

Status MemoryFileSystem::set_permissions(const std::string& path, std::uint32_t mode) {
  auto resolved = resolve(path, true);
  if (!resolved) return sys_error("change permissions of", path, ENOENT);
  auto it = nodes_.find(*resolved);
  if (it == nodes_.end()) return sys_error("change permissions of", path, ENOENT);
  it->second.mode = mode & 07777;
  ++mutations_;
  return {};
}

Result<std::unique_ptr<FileLock>> MemoryFileSystem::lock_file(const std::string& path,
                                                              std::chrono::milliseconds timeout) {
  std::string full = absolute(path);
  if (locks_->count(full) != 0) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(timeout).count();
    return make_error(ErrorKind::kConflict, "another hypergen process holds the lock '" + path +
                                                "' (waited " + std::to_string(ms) +
                                                " ms); try again when it has finished");
  }
  if (nodes_.find(full) == nodes_.end()) HG_RETURN_IF_ERROR(write_file(full, "", false));
  locks_->insert(full);
  return std::unique_ptr<FileLock>(std::make_unique<Lock>(locks_, full));
}

}  // namespace hypergen
