#pragma once
// Where generated files may go. Every output path (a template's `to:`) goes
// through resolve_output_path() before it is planned, so that a template or a
// command-line value cannot make hypergen write outside the project, be it
// through "..", an absolute path or a symbolic link at any level.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "util/fs.h"
#include "util/result.h"

namespace hypergen::apply {

// Resolves `to` (relative to `cwd`, or absolute) to a normalised absolute path with every
// symbolic link of its existing part resolved (components are checked with lstat/read_link, as
// the kernel would follow them; the missing tail is normalised lexically), so the result is
// where a write really lands. `project_root` is resolved the same way.
// Errors:
//   kConflict — the resolved path is outside project_root (through "..", an absolute path, or a
//               symlink at any level, including a dangling one) and !allow_outside; the message
//               names `to`, where it leads and says to pass --allow-outside.
//   kData     — an invalid name: empty `to`, a NUL byte, an empty final name ("dir/"), a name
//               longer than NAME_MAX (255 bytes), a path longer than PATH_MAX, a symlink loop.
//   kIo       — lstat/read_link failed.
Result<std::string> resolve_output_path(FileSystem& fs, const std::string& project_root,
                                        const std::string& cwd, std::string_view to,
                                        bool allow_outside);

using LstatMemo = std::unordered_map<std::string, FileStat>;

// resolve_output_path() for the many outputs of one run: remembers what it
// learnt about existing ancestor directories (lstat results) and the project
// root's physical path, and each folder's resolved path, so 500 outputs
// under src/widget/ cost 500 lstat calls instead of 500 × depth. Valid only while nothing on disk
// changes (one planning pass); the final component of every path is always stat'ed afresh.
class OutputPathResolver {
 public:
  OutputPathResolver(FileSystem& fs, std::string project_root, std::string cwd, bool allow_outside);
  Result<std::string> resolve(std::string_view to);
  // Whether a path resolve() returned lies in a folder that was missing when
  // it was resolved (so the file did not exist then either: its caller can
  // skip looking).
  bool in_missing_folder(std::string_view resolved) const;

 private:
  Result<std::string> resolve_physical(const std::string& joined, std::string_view shown);

  struct Parent {
    std::string physical;  // the folder with its symbolic links resolved
    bool exists;           // false: some component is missing (the rest is lexical)
  };

  FileSystem& fs_;
  std::string project_root_, cwd_;
  bool allow_outside_;
  LstatMemo memo_;
  std::unordered_map<std::string, Parent> parents_;  // folder as written → where it is
  std::unordered_set<std::string> missing_folders_;  // physical folders found missing
  std::optional<std::string> root_;
};

// Lexical normalisation of an absolute path: collapses "//", "." and ".." (".." at "/" stays at
// "/"), no trailing slash. Does not touch the disk.
std::string normalize_path(std::string_view absolute_path);

}  // namespace hypergen::apply
