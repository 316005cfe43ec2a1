#include "apply/paths.h"
#include "util/path.h"

#include <climits>
#include <deque>
#include <vector>

namespace hypergen::apply {
namespace {

constexpr std::size_t kNameMax = NAME_MAX;  // 255 on Linux
constexpr std::size_t kPathMax = PATH_MAX;  // 4096 on Linux, including the NUL
constexpr int kMaxSymlinkHops = 40;         // what Linux allows before ELOOP

std::string join(const std::string& dir, std::string_view name) {
  std::string out = dir;
  if (out.empty() || out.back() != '/') out += '/';
  out += name;
  return out;
}

std::string parent_of(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == 0 || slash == std::string::npos) return "/";
  return path.substr(0, slash);
}

std::string printable(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\0') {
      out += "\\0";
    } else {
      out += c;
    }
  }
  if (out.size() > 200) out = out.substr(0, 200) + "...";
  return out;
}

bool inside(const std::string& path, const std::string& root) {
  if (root == "/") return true;
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          path[root.size()] == '/');
}

// lstat through the resolver's memo (when there is one).
Result<FileStat> cached_lstat(FileSystem& fs, LstatMemo* memo, const std::string& path) {
  if (memo) {
    if (auto it = memo->find(path); it != memo->end()) return it->second;
  }
  auto st = fs.lstat(path);
  if (st && memo) memo->emplace(path, *st);
  return st;
}

// Resolves symlinks along the existing part of an absolute path, like the
// kernel would when opening it; the missing tail is normalised lexically.
Result<std::string> physical(FileSystem& fs, LstatMemo* memo, const std::string& path,
                             std::string_view shown, bool* exists = nullptr) {
  std::deque<std::string> todo;
  for (auto& part : split_path(path)) todo.push_back(std::move(part));
  std::string current = "/";
  bool missing = false;  // once a component is missing, the rest is lexical
  int hops = 0;
  while (!todo.empty()) {
    std::string part = std::move(todo.front());
    todo.pop_front();
    if (part == ".") continue;
    if (part == "..") {
      current = parent_of(current);
      continue;
    }
    std::string candidate = join(current, part);
    if (!missing) {
      // The final component is a file that may change between runs of the
      // resolver's owner; only directories (ancestors) are memoised.
      auto st = todo.empty() ? fs.lstat(candidate) : cached_lstat(fs, memo, candidate);
      if (!st) return tl::unexpected(st.error());
      if (st->type == FileStat::Type::kSymlink) {
        if (++hops > kMaxSymlinkHops) {
          return make_error(ErrorKind::kData, "output path '" + printable(shown) +
                                                  "': too many levels of symbolic links at '" +
                                                  candidate + "'");
        }
        auto target = fs.read_link(candidate);
        if (!target) return tl::unexpected(target.error());
        auto parts = split_path(*target);
        for (auto r = parts.rbegin(); r != parts.rend(); ++r) todo.push_front(*r);
        if (!target->empty() && (*target)[0] == '/') current = "/";
        continue;
      }
      if (!st->exists()) missing = true;
    }
    current = std::move(candidate);
  }
  if (exists) *exists = !missing;
  return current;
}

}  // namespace

std::string normalize_path(std::string_view absolute_path) {
  std::string out;
  out.reserve(absolute_path.size() + 1);
  std::size_t i = 0;
  while (i < absolute_path.size()) {
    std::size_t j = absolute_path.find('/', i);
    if (j == std::string_view::npos) j = absolute_path.size();
    std::string_view part = absolute_path.substr(i, j - i);
    i = j + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      out.resize(out.empty() ? 0 : out.rfind('/'));
      continue;
    }
    out += '/';
    out += part;
  }
  return out.empty() ? "/" : out;
}

OutputPathResolver::OutputPathResolver(FileSystem& fs, std::string project_root, std::string cwd,
                                       bool allow_outside)
    : fs_(fs),
      project_root_(std::move(project_root)),
      cwd_(std::move(cwd)),
      allow_outside_(allow_outside) {}

Result<std::string> resolve_output_path(FileSystem& fs, const std::string& project_root,
                                        const std::string& cwd, std::string_view to,
                                        bool allow_outside) {
  return OutputPathResolver(fs, project_root, cwd, allow_outside).resolve(to);
}

// The physical path of `joined` (absolute, its last component a name, not
// "." or ".."): its folder's physical path comes from the memo of folders
// seen in this pass, so only the final component is looked at afresh; a
// symbolic link there takes the full walk.
Result<std::string> OutputPathResolver::resolve_physical(const std::string& joined,
                                                         std::string_view shown) {
  std::size_t slash = joined.rfind('/');
  std::string parent = slash == 0 ? "/" : joined.substr(0, slash);
  auto known = parents_.find(parent);
  if (known == parents_.end()) {
    bool exists = false;
    auto dir = physical(fs_, &memo_, parent, shown, &exists);
    if (!dir) return tl::unexpected(dir.error());
    known = parents_.emplace(parent, Parent{std::move(*dir), exists}).first;
  }
  std::string candidate = join(known->second.physical, std::string_view(joined).substr(slash + 1));
  if (!known->second.exists) {  // the rest of a missing path is lexical
    missing_folders_.insert(known->second.physical);
    return candidate;
  }
  auto st = fs_.lstat(candidate);
  if (!st) return tl::unexpected(st.error());
  if (st->type == FileStat::Type::kSymlink) return physical(fs_, &memo_, joined, shown);
  return candidate;
}

bool OutputPathResolver::in_missing_folder(std::string_view resolved) const {
  std::size_t slash = resolved.rfind('/');
  if (slash == std::string_view::npos) return false;
  std::string parent(slash == 0 ? std::string_view("/") : resolved.substr(0, slash));
  return missing_folders_.count(parent) != 0;
}

Result<std::string> OutputPathResolver::resolve(std::string_view to) {
  FileSystem& fs = fs_;
  const std::string& cwd = cwd_;
  const std::string& project_root = project_root_;
  const bool allow_outside = allow_outside_;
  auto invalid = [&](const std::string& why) {
    return make_error(ErrorKind::kData, "invalid output path '" + printable(to) + "': " + why);
  };
  if (to.empty()) return invalid("it is empty");
  if (to.find('\0') != std::string_view::npos) return invalid("it contains a NUL byte");
  if (to.size() >= kPathMax) {
    return invalid("it is longer than " + std::to_string(kPathMax - 1) + " bytes");
  }
  if (to.back() == '/') return invalid("it names a directory, not a file (ends with '/')");
  std::string_view last;
  for (std::size_t i = 0; i < to.size();) {
    std::size_t j = to.find('/', i);
    if (j == std::string_view::npos) j = to.size();
    std::string_view part = to.substr(i, j - i);
    if (part.size() > kNameMax) {
      return invalid("the name '" + std::string(part.substr(0, 40)) + "...' is longer than " +
                     std::to_string(kNameMax) + " bytes");
    }
    if (!part.empty()) last = part;
    i = j + 1;
  }
  if (last.empty() || last == "." || last == "..") return invalid("it has no file name");

  std::string base = to[0] == '/' ? std::string("/") : cwd;
  if (base.empty() || base[0] != '/') {
    auto current = fs.current_dir();
    if (!current) return tl::unexpected(current.error());
    base = base.empty() ? *current : join(*current, base);
  }
  const std::string joined = join(base, to);
  auto resolved = resolve_physical(joined, to);
  if (!resolved) return tl::unexpected(resolved.error());
  if (resolved->size() >= kPathMax) {
    return invalid("it resolves to a path longer than " + std::to_string(kPathMax - 1) + " bytes");
  }
  if (resolved->back() == '/' && *resolved != "/") resolved->pop_back();
  if (allow_outside) return resolved;

  std::string root_abs = project_root;
  if (root_abs.empty() || root_abs[0] != '/') {
    auto current = fs.current_dir();
    if (!current) return tl::unexpected(current.error());
    root_abs = join(*current, root_abs);
  }
  if (!root_) {
    auto root = physical(fs, &memo_, root_abs, project_root);
    if (!root) return tl::unexpected(root.error());
    root_ = std::move(*root);
  }
  const std::string* root = &*root_;
  if (!inside(*resolved, *root)) {
    std::string how;
    std::string lexical = normalize_path(joined);
    if (!inside(lexical, normalize_path(root_abs)) && !inside(lexical, *root)) {
      how = to[0] == '/' ? "it is an absolute path outside the project"
                         : "'..' leads out of the project";
    } else {
      how = "a symbolic link leads out of the project";
    }
    return make_error(ErrorKind::kConflict, "refusing to write '" + printable(to) +
                                                "': it resolves to '" + *resolved +
                                                "', outside the project root '" + *root + "' (" +
                                                how + "); pass --allow-outside to allow it");
  }
  return resolved;
}

}  // namespace hypergen::apply
