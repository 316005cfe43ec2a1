#include "perf/workspace_builder.h"

#include <fmt/format.h>

namespace hypergen::perf {

const std::vector<Scale>& standard_scales() {
  static const std::vector<Scale> scales = {
      {"small", 10, 50},           {"medium", 100, 500},     {"large", 500, 2500},
      {"enterprise", 1000, 10000}, {"extreme", 2000, 25000},
  };
  return scales;
}

Result<std::vector<Scale>> parse_scales(std::string_view list) {
  std::vector<Scale> out;
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t comma = list.find(',', pos);
    std::string_view word =
        list.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    if (!word.empty()) {
      bool found = false;
      for (const Scale& s : standard_scales()) {
        if (s.name == word) {
          out.push_back(s);
          found = true;
        }
      }
      if (!found) {
        return make_error(ErrorKind::kUsage,
                          "unknown scale '" + std::string(word) +
                              "' (use small, medium, large, enterprise, extreme)");
      }
    }
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  if (out.empty()) return make_error(ErrorKind::kUsage, "--scales needs at least one scale");
  return out;
}

std::string synthetic_template(int i) {
  switch (i % 5) {
    case 0:
      return fmt::format(
          "---\nto: src/{{{{ name }}}}/f{0}.jsx\n---\nexport const {{{{ Name }}}}{0} = () => "
          "<div className=\"{{{{ name | kebab_case }}}}\">{{{{ Name }}}}</div>;\n",
          i);
    case 1:
      return fmt::format(
          "---\nto: src/{{{{ name }}}}/f{0}.js\n---\nexport * from './{{{{ Name }}}}';\n", i);
    case 2:
      return fmt::format(
          "---\nto: src/{{{{ name }}}}/f{0}.test.jsx\n---\nimport {{ {{{{ Name }}}} }} from "
          "'./{{{{ Name }}}}';\ntest('{{{{ names }}}} {0}', () => {{}});\n",
          i);
    case 3:
      return fmt::format(
          "---\nto: src/{{{{ name }}}}/f{0}.stories.jsx\n---\nexport default {{ title: "
          "'{{{{ Name }}}} {0}' }};\n",
          i);
    default:
      return fmt::format(
          "---\nto: src/{{{{ name }}}}/f{0}.css\n---\n.{{{{ name | kebab_case }}}}-{0} {{ "
          "display: block; }}\n",
          i);
  }
}

namespace {

Status write_action(FileSystem& fs, const std::string& dir, int count, BuiltWorkspace& built) {
  HG_RETURN_IF_ERROR(fs.make_dirs(dir));
  for (int i = 0; i < count; ++i) {
    std::string text = synthetic_template(i);
    HG_RETURN_IF_ERROR(fs.write_file(fmt::format("{}/t{:04d}.liquid.t", dir, i), text, false));
    built.files++;
    built.bytes += text.size();
  }
  return {};
}

}  // namespace

Result<BuiltWorkspace> build_workspace(FileSystem& fs, const std::string& root, int generators,
                                       int templates) {
  if (generators < 1 || templates < 0) {
    return make_error(ErrorKind::kUsage, "a workspace needs at least one generator");
  }
  BuiltWorkspace built;
  std::string base = root + "/_templates";
  for (int g = 0; g < generators; ++g) {
    int count = templates / generators + (g < templates % generators ? 1 : 0);
    HG_RETURN_IF_ERROR(write_action(fs, fmt::format("{}/gen{:04d}/new", base, g), count, built));
  }
  HG_RETURN_IF_ERROR(
      write_action(fs, fmt::format("{}/{}/{}", base, kSampleGenerator, kSampleAction), 5, built));
  HG_RETURN_IF_ERROR(write_action(fs, fmt::format("{}/{}/{}", base, kBigGenerator, kBigAction),
                                  kBigTemplates, built));
  return built;
}

Status remove_tree(FileSystem& fs, const std::string& path) {
  auto st = fs.lstat(path);
  if (!st) return tl::unexpected(st.error());
  if (!st->exists()) return {};
  if (st->is_directory()) {
    auto entries = fs.list_dir(path);
    if (!entries) return tl::unexpected(entries.error());
    for (const DirEntry& e : *entries) HG_RETURN_IF_ERROR(remove_tree(fs, path + "/" + e.name));
  }
  return fs.remove(path);
}

}  // namespace hypergen::perf
