#pragma once
// What the commands know about the template roots, answered from the
// persistent index (index/index.h) when it can be used and from a direct
// tree walk (discover/) otherwise. The index is never a dependency: a
// missing, corrupt or unwritable index, or HYPERGEN_NO_INDEX=1, only changes
// how fast the same answer comes back.
//
//   generators()        `list`, `help`: the generator level of the index
//                        (one stat per root, generator folder, template.yml)
//   action_templates()  a generation: only the chosen action's records are
//                        validated (one stat per folder and template of it)

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "config/config.h"
#include "discover/discover.h"
#include "index/index.h"
#include "liquid/liquid.h"
#include "resolve/resolve.h"
#include "util/result.h"

namespace hypergen::app {

std::vector<std::string> root_paths(const config::Config& cfg);

// The project configuration seen from ctx.cwd, with ctx's environment.
Result<config::Config> load_project_config(Context& ctx);

// Liquid engine options carrying the project's `limits:` (render time,
// output size, partial depth).
liquid::Options liquid_options(const config::LimitSettings& limits);

// False when HYPERGEN_NO_INDEX is set to a non-empty value other than "0".
bool index_enabled(const Context& ctx);

// Loads (and refreshes) the index at `depth`; nullopt when it is disabled or
// anything about it failed (the caller then walks the tree).
std::optional<index::Loaded> load_index(Context& ctx, const config::Config& cfg,
                                        index::Depth depth);

// Every generator over all roots (resolve::all_generators' result).
Result<std::vector<discover::GeneratorInfo>> generators(Context& ctx, const config::Config& cfg);

// The template files of one action folder (unordered, like
// discover::list_templates). `index` (optional) is kept loaded across calls
// (e.g. `help` asks for every action of one generator).
struct ActionFiles {
  std::vector<discover::TemplateFile> files;
  // XXH3-64 of each file's bytes, in `files` order, when they came from the
  // index; empty otherwise.
  std::vector<std::uint64_t> content_hashes;
};
Result<ActionFiles> action_templates(Context& ctx, const config::Config& cfg,
                                     const std::string& action_dir,
                                     std::optional<index::Loaded>* index = nullptr);

}  // namespace hypergen::app
