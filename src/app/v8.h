#pragma once
// V8 generators (a folder with a template.yml, docs/template-yml.md) beside
// Hygen ones under the same template roots:
//
//   <root>/<gen>/template.yml           `hypergen <gen> [name] [--flags]`
//   <root>/<gen>/<action>/template.yml  `hypergen <gen> <action> [name] …`
//   either                              `hypergen action <template name> …`
//
// A run: compose the manifest (extends/includes) → flags, answers file,
// env, prompts → values (validated) → pre hooks → steps (or every template)
// rendered, independent steps in parallel → one plan and one transaction
// (app/execute.h) → post hooks (error hooks on failure).

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/context.h"
#include "config/config.h"
#include "discover/discover.h"
#include "index/index.h"
#include "manifest/compose.h"
#include "util/result.h"

namespace hypergen::app {

struct V8Entry {
  std::string name;       // template.yml `name` (the folder's name when unreadable)
  std::string generator;  // generator folder
  std::string action;     // action folder; empty at the generator level
  std::string dir;        // folder holding template.yml
  std::string manifest_path;
  std::string root;  // the template root
  std::string description;
  std::string category;
  std::vector<std::string> tags;
  std::size_t variables = 0;
  bool valid = true;  // parsed without errors (this file alone)
  std::string usage;  // `hypergen gen [action]`
};

// Every V8 generator of every root, in root order then byte order. Each
// template.yml is parsed (not composed) for its metadata. With the index
// (`idx`, or loaded here when enabled) the generators, actions and
// generator-level template.yml bytes come from it; only action-level
// template.yml files are looked for on disk.
Result<std::vector<V8Entry>> find_v8_generators(Context& ctx, const config::Config& cfg,
                                                const index::Index* idx = nullptr);

// The V8 generator named `name`: a template name, `gen`, `gen/action` or
// `gen:action`. Not found: kNotFound ACTION_NOT_FOUND with a "did you mean".
Result<V8Entry> find_v8(Context& ctx, const config::Config& cfg, std::string_view name);

// The generator the first words of `hypergen <gen> [<action>]` name, when
// it is a V8 one; `used_action` tells whether the second word was taken.
std::optional<V8Entry> v8_for_words(Context& ctx, const config::Config& cfg, std::string_view gen,
                                    std::optional<std::string_view> action, bool* used_action);

// Loads the composed manifest; errors in it become one Error (the first,
// file:line:col, with the count of the others).
Result<manifest::Composed> load_v8(Context& ctx, const std::string& manifest_path,
                                   const liquid::Value& scope, bool all_includes);

// The templates of a composed generator, override-resolved (a later
// folder's file replaces an earlier one of the same relative path) and in
// Hygen's order. `rel` is relative to its templates folder ('/'-led).
struct V8TemplateFile {
  discover::TemplateFile file;
  bool all = false;  // from a `templates/` folder: a template whatever its name
};
Result<std::vector<V8TemplateFile>> v8_template_files(Context& ctx, const manifest::Composed& c);

// Names every template can use without declaring them.
bool is_builtin_variable(std::string_view name);

// Runs a V8 generator with the words after its name (flags, `name`).
Status run_v8(Context& ctx, const config::Config& cfg, const V8Entry& entry,
              std::span<const std::string> words);

}  // namespace hypergen::app
