#include "discover/discover.h"

#include <algorithm>

#include "discover/ignore.h"

namespace hypergen::discover {

namespace {

constexpr std::string_view kExcludedSuffixes[] = {
    "prompt.js", "index.js",        "prompt.ts", "index.ts",    ".hygenignore", ".hypergenignore",
    ".DS_Store", ".Spotlight-V100", ".Trashes",  "ehthumbs.db", "Thumbs.db",
};

constexpr int kMaxDepth = 64;

std::string join(const std::string& dir, const std::string& name) {
  return dir == "/" ? "/" + name : dir + "/" + name;
}

// Resolves a symlink's target type; other types pass through.
Result<FileStat::Type> entry_type(FileSystem& fs, const std::string& path, FileStat::Type type) {
  if (type != FileStat::Type::kSymlink && type != FileStat::Type::kOther) return type;
  auto st = fs.stat(path);
  if (!st) return tl::unexpected(st.error());
  return st->type;
}

// Junk that is never a template, even in a V8 `templates/` folder.
bool is_junk_name(std::string_view path) {
  for (std::string_view hook : {"prompt.js", "index.js", "prompt.ts", "index.ts"}) {
    if (path.ends_with(hook)) return false;
  }
  return is_excluded_name(path);
}

Status walk(FileSystem& fs, const std::string& dir, const std::string& rel_dir, IgnoreRules rules,
            int depth, bool keep_hook_names, std::vector<TemplateFile>& out) {
  if (depth > kMaxDepth) {
    return make_error(ErrorKind::kIo, "template folders nested too deeply (symlink loop?): " + dir);
  }
  auto entries = fs.list_dir(dir);
  if (!entries) return tl::unexpected(entries.error());
  // Ignore files of this folder first.
  for (const char* ignore_name : {".hygenignore", ".hypergenignore"}) {
    for (const auto& e : *entries) {
      if (e.name == ignore_name) {
        auto text = fs.read_file(join(dir, e.name));
        if (!text) return tl::unexpected(text.error());
        rules.add_file(*text, rel_dir);
      }
    }
  }
  for (const auto& e : *entries) {
    std::string path = join(dir, e.name);
    std::string rel = rel_dir.empty() ? e.name : rel_dir + "/" + e.name;
    auto type = entry_type(fs, path, e.type);
    if (!type) return tl::unexpected(type.error());
    bool is_dir = *type == FileStat::Type::kDirectory;
    if (!rules.empty() && rules.ignored(rel, is_dir)) continue;
    if (is_dir) {
      HG_RETURN_IF_ERROR(walk(fs, path, rel, rules, depth + 1, keep_hook_names, out));
      continue;
    }
    if (*type == FileStat::Type::kMissing) continue;  // dangling symlink
    if (keep_hook_names ? is_junk_name(path) : is_excluded_name(path)) continue;
    out.push_back({path, "/" + rel});
  }
  return {};
}

}  // namespace

bool is_excluded_name(std::string_view path) {
  return std::any_of(std::begin(kExcludedSuffixes), std::end(kExcludedSuffixes),
                     [&](std::string_view s) { return path.ends_with(s); });
}

Result<std::vector<GeneratorInfo>> list_generators(FileSystem& fs, const std::string& root,
                                                   std::size_t root_index) {
  std::vector<GeneratorInfo> gens;
  auto st = fs.stat(root);
  if (!st) return tl::unexpected(st.error());
  if (!st->is_directory()) return gens;
  auto entries = fs.list_dir(root);
  if (!entries) return tl::unexpected(entries.error());
  for (const auto& e : *entries) {
    std::string path = join(root, e.name);
    auto type = entry_type(fs, path, e.type);
    if (!type) return tl::unexpected(type.error());
    if (*type != FileStat::Type::kDirectory) continue;
    GeneratorInfo g{e.name, path, root_index, {}};
    auto actions = fs.list_dir(path);
    if (!actions) return tl::unexpected(actions.error());
    for (const auto& a : *actions) {
      std::string apath = join(path, a.name);
      auto atype = entry_type(fs, apath, a.type);
      if (!atype) return tl::unexpected(atype.error());
      g.actions.push_back({a.name, apath, *atype == FileStat::Type::kDirectory});
    }
    std::sort(g.actions.begin(), g.actions.end(),
              [](const ActionInfo& x, const ActionInfo& y) { return x.name < y.name; });
    gens.push_back(std::move(g));
  }
  std::sort(gens.begin(), gens.end(),
            [](const GeneratorInfo& x, const GeneratorInfo& y) { return x.name < y.name; });
  return gens;
}

Result<std::vector<TemplateFile>> list_templates(FileSystem& fs, const std::string& action_dir) {
  std::vector<TemplateFile> out;
  HG_RETURN_IF_ERROR(walk(fs, action_dir, "", IgnoreRules{}, 0, false, out));
  return out;
}

Result<std::vector<TemplateFile>> list_all_files(FileSystem& fs, const std::string& dir) {
  std::vector<TemplateFile> out;
  HG_RETURN_IF_ERROR(walk(fs, dir, "", IgnoreRules{}, 0, true, out));
  return out;
}

std::string find_hook_file(FileSystem& fs, const std::string& action_dir) {
  for (const char* name : {"index.js", "index.ts", "prompt.cjs", "prompt.js", "prompt.ts"}) {
    std::string path = join(action_dir, name);
    auto st = fs.stat(path);
    if (st && st->exists()) return path;
  }
  return {};
}

}  // namespace hypergen::discover
