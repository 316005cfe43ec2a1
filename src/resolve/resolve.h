#pragma once
// Resolution: from the positional words to one action folder and its
// ordered template list, following Hygen (spec §2.2, §2.3, §7.1):
//   gen act [name]      when <root>/gen/act exists
//   gen [name]          when <root>/gen/_default exists
//   gen act:sub [name]  keeps the templates whose path (relative to the
//                       action folder, leading '/') matches `sub` as an
//                       unanchored ECMAScript regex
// With several template roots, an action defined in more than one is a
// conflict handled by the configured strategy (fail / override / skip).
// Misses get a "did you mean" over the generators or the actions.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "config/config.h"
#include "discover/discover.h"
#include "liquid/value.h"
#include "util/fs.h"
#include "util/result.h"

namespace hypergen::resolve {

struct Resolution {
  std::string generator;
  std::string action;       // full word, with ":sub"
  std::string main_action;  // folder name
  std::optional<std::string> subaction;
  std::string templates_root;  // the root the action came from
  std::string action_dir;
  std::optional<liquid::Value> name_positional;
  std::vector<std::string> shadowed;  // other roots' copies (override/skip)
};

Result<Resolution> resolve_action(FileSystem& fs, const config::Config& cfg,
                                  std::span<const liquid::Value> positionals);

// Sorts (Hygen collation on absolute paths) and applies the sub-action filter.
Result<std::vector<discover::TemplateFile>> order_templates(
    std::vector<discover::TemplateFile> files, const std::optional<std::string>& subaction);

// Every generator over all roots, merged by name (first root first), for
// listings and suggestions. Actions of the same name from later roots are
// merged into the generator's list once.
// Generator lists of several roots (in root order) merged by name: the first
// root's generator wins, later roots add the actions it lacks; sorted by name.
std::vector<discover::GeneratorInfo> merge_generators(std::vector<discover::GeneratorInfo> all);

Result<std::vector<discover::GeneratorInfo>> all_generators(FileSystem& fs,
                                                            const config::Config& cfg);

}  // namespace hypergen::resolve
