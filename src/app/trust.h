#pragma once
// The trust gate for code from template sources that are not the project's
// own (generator packages, docs/packages.md): a `sh:` whose rendered command
// is not empty, a Hygen action hook (`prompt.js`, `index.js`, `prompt.cjs`),
// a V8 shell step or pre/post/error hook written in an untrusted root is
// refused before anything is written or run (ErrorKind::kUntrusted, exit 9,
// UNTRUSTED_SOURCE), unless the source is trusted (`trust:` in the project
// file, HYPERGEN_TRUST=1, `--trust`). A dry run runs none of it anyway: it
// lists what would need trust in its report instead of failing.
//
// Which file a piece of code comes from decides (config::path_trusted): the
// deepest template root holding it, so a project generator that reaches a
// package's template (a V8 `generator` step, `extends`) is gated too.

#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/context.h"
#include "config/config.h"
#include "render/render.h"
#include "report/report.h"
#include "util/result.h"

namespace hypergen::app {

// "package <name>" for a file under a package root or in
// node_modules/<name>; "node_modules" otherwise.
std::string source_of(const config::Config& cfg, const std::string& path);

// The item for code in `path` when `path` is untrusted; nullopt otherwise.
std::optional<report::NeedsTrust> untrusted_code(Context& ctx, const config::Config& cfg,
                                                 const std::string& path, std::string kind,
                                                 std::string command);

// The `sh:` commands (rendered, non-empty) of templates from untrusted files.
std::vector<report::NeedsTrust> untrusted_shell(Context& ctx, const config::Config& cfg,
                                                std::span<const render::RenderedTemplate> rendered);

// The refusal listing `items`; `rerun` is the command line (for the hints).
Error untrusted_error(const config::Config& cfg, std::span<const report::NeedsTrust> items,
                      const std::string& rerun);

// The line under a dry run's list: how to trust these sources.
std::string trust_hint(const config::Config& cfg, std::span<const report::NeedsTrust> items);

// How commands show a root's source and trust:
//   root_note    " (package x, untrusted)" after a package root; "" otherwise
//   root_json    {path, origin, package?, trusted, trustOrigin?}
//   source_line  "Source: package x (…): untrusted — …\n" for the generator
//                folder `path` (help, info)
std::string root_note(const config::TemplateRoot& r);
nlohmann::json root_json(const config::TemplateRoot& r);
std::string source_line(Context& ctx, const config::Config& cfg, const std::string& path);

}  // namespace hypergen::app
