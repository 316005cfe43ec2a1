#include "util/state_dir.h"

namespace hypergen {

std::string state_dir(const std::string& project_root) {
  std::string root = project_root;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  return (root == "/" ? "" : root) + "/" + std::string(kStateDirName);
}

Result<std::string> make_state_dir(FileSystem& fs, const std::string& project_root,
                                   std::string_view sub) {
  std::string base = state_dir(project_root);
  std::string full = sub.empty() ? base : base + "/" + std::string(sub);
  auto st = fs.stat(base);
  bool existed = st && st->exists();
  HG_RETURN_IF_ERROR(fs.make_dirs(full));
  if (!existed) (void)fs.write_file(base + "/.gitignore", "*\n", false);
  return full;
}

}  // namespace hypergen
