#pragma once
// The deterministic synthetic workspaces of `perf test` — the same shapes as
// bench/scale-compare, so numbers can be compared. For G generators and T
// templates, under `<root>/_templates/`:
//   gen0000 … gen{G-1}/new   T templates spread as evenly as possible
//   gen0000/five             5 templates (the "5-template generation")
//   big/new                  500 templates (the --jobs search)
// Each template `t0000.liquid.t` … is one of five small Liquid files (a
// component, an index, a test, a story, a stylesheet) writing to
// src/<name>/f<i>.<ext>. The same arguments always give the same bytes.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/fs.h"
#include "util/result.h"

namespace hypergen::perf {

struct Scale {
  std::string name;  // "small" … "extreme", or "custom"
  int generators = 0;
  int templates = 0;
};

// small 10/50, medium 100/500, large 500/2,500, enterprise 1,000/10,000,
// extreme 2,000/25,000.
const std::vector<Scale>& standard_scales();
// "small,large" → those scales in the order given; kUsage naming the unknown
// one otherwise.
Result<std::vector<Scale>> parse_scales(std::string_view list);

inline constexpr std::string_view kSampleGenerator = "gen0000";
inline constexpr std::string_view kSampleAction = "five";
inline constexpr std::string_view kBigGenerator = "big";
inline constexpr std::string_view kBigAction = "new";
inline constexpr int kBigTemplates = 500;

// The text of template number `i` of an action.
std::string synthetic_template(int i);

struct BuiltWorkspace {
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
};
// Writes the workspace under `root` (which must exist and be empty of
// `_templates`).
Result<BuiltWorkspace> build_workspace(FileSystem& fs, const std::string& root, int generators,
                                       int templates);

// Deletes a folder and everything in it (no symlink is followed).
Status remove_tree(FileSystem& fs, const std::string& path);

}  // namespace hypergen::perf
