#pragma once
// Composition of template.yml files, read from disk (V8 parsed these keys
// and then dropped them): `extends` (single inheritance) and `includes`
// (with `condition`, default overrides in `variables`, and a `strategy`),
// conflicts resolved per variable by `conflicts.rules`, then
// `conflicts.strategy`, then the include's strategy, then `merge`:
//
//   replace  the newer definition wins whole
//   merge    every field the newer definition sets wins; enum values unioned
//   extend   values unioned, min widened down, max widened up, descriptions joined
//   error    TEMPLATE_COMPOSITION_ERROR "Variable conflict: 'X' exists in both …"
//
// A parent's or included template's files join the generator's templates
// (template_dirs, lowest precedence first: a file of the same relative path
// in a later folder replaces the earlier one). Paths in `extends`/`includes`
// are folders (with a template.yml) or template.yml files, relative to the
// file that names them.

#include <string>
#include <vector>

#include "liquid/value.h"
#include "manifest/manifest.h"
#include "util/fs.h"
#include "util/result.h"

namespace hypergen::manifest {

struct ConflictNote {
  std::string variable;
  std::string sources;     // "base/template.yml and template.yml"
  std::string resolution;  // strategy name
};

struct TemplateDir {
  std::string path;
  bool all_files = false;  // a `templates/` folder: every file is a template
};

struct Composed {
  Manifest manifest;
  std::vector<Diagnostic> diagnostics;  // of every file read
  std::string text;                     // the top file's text
  std::vector<TemplateDir> template_dirs;
  std::vector<ConflictNote> conflicts;
  std::vector<std::string> skipped;  // "<url>: Condition not met: <cond>"
};

// The folder holding a manifest's templates: `<dir>/templates` when it
// exists, else `<dir>` (then only template-named files are templates).
std::string templates_dir_of(FileSystem& fs, const std::string& manifest_dir, bool* whole_folder);

// template.yml (or template.yaml) inside `dir`, or "" when neither exists.
std::string manifest_in(FileSystem& fs, const std::string& dir);

// Loads `path` (absolute) and everything it extends/includes. `scope` (an
// object) decides include conditions; with `all_includes` every include is
// taken (validation and `info`). A missing file is kNotFound
// (TEMPLATE_NOT_FOUND); problems inside files are diagnostics. Locations
// name files relative to `cwd` when they are inside it; Manifest::dir stays
// absolute.
Result<Composed> load(FileSystem& fs, const std::string& path, const liquid::Value& scope,
                      bool all_includes, const std::string& cwd = "");

}  // namespace hypergen::manifest
