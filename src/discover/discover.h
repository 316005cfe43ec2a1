#pragma once
// Discovery: what generators, actions and template files exist under the
// template roots. Reads directory listings and ignore files only, never a
// template's contents, so `list` and resolution stay cheap.
//
// Hygen's rules (spec §7.1): every file under an action folder, recursively,
// is a template, except paths ending in a hook or junk name (`prompt.js`,
// `index.js`, `.hygenignore`, `.DS_Store`, … — a plain suffix test, so
// `sub/prompt.js` and `my-index.js` are dropped too) and paths excluded by
// `.hypergenignore` / `.hygenignore` files (each applies to its folder and
// below). Listing order here is unspecified: resolve/ sorts with Hygen's
// collation.

#include <string>
#include <string_view>
#include <vector>

#include "util/fs.h"
#include "util/result.h"

namespace hypergen::discover {

struct ActionInfo {
  std::string name;
  std::string path;  // absolute
  bool is_dir = true;
};

struct GeneratorInfo {
  std::string name;
  std::string path;  // absolute
  std::size_t root_index = 0;
  std::vector<ActionInfo> actions;  // every entry of the generator folder, byte order
};

// Generators (folders) of one templates root, in byte order, each with its
// entries. A missing root gives an empty list.
Result<std::vector<GeneratorInfo>> list_generators(FileSystem& fs, const std::string& root,
                                                   std::size_t root_index = 0);

struct TemplateFile {
  std::string path;  // absolute
  std::string rel;   // relative to the action folder, with a leading '/'
};

// Every template file under `action_dir` (recursive), in unspecified order.
Result<std::vector<TemplateFile>> list_templates(FileSystem& fs, const std::string& action_dir);

// The same for a V8 generator's `templates/` folder: every file, hook names
// (`index.ts`, …) included; only ignore files and OS junk are left out.
Result<std::vector<TemplateFile>> list_all_files(FileSystem& fs, const std::string& dir);

// Hygen's suffix test for hook files and junk that are never templates.
bool is_excluded_name(std::string_view path);

// Hook files of an action folder (Hygen's `index.js`, `prompt.js`, …): the
// first that exists, or empty. Reported, never run (no JS engine yet).
std::string find_hook_file(FileSystem& fs, const std::string& action_dir);

}  // namespace hypergen::discover
