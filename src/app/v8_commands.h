#pragma once
// The V8 management commands (spec §1.3, with V8's defects fixed):
//   action NAME [--k=v …] [--dry]     run a V8 generator by name
//   info NAME [--json]                its variables, defaults, examples; --json
//                                     adds a JSON Schema of the variables
//   template validate|info|list|examples …
//   discover [--json]                 every generator (Hygen and V8) and where
// Every command takes --json (one JSON document on stdout; errors as
// {"error": {…}} from cli/).

#include <span>
#include <string>

#include "app/context.h"
#include "util/result.h"

namespace hypergen::app {

inline constexpr char kActionUsage[] =
    "Usage: hypergen action NAME [name] [--variable=value …] [options]\n"
    "\n"
    "Runs the V8 generator NAME (its template.yml `name`, or gen / gen/action).\n"
    "Values, later wins: defaults < --answers FILE < HYPERGEN_VAR_<NAME> < --flags\n"
    "< answers typed at the prompts (on a terminal).\n"
    "\n"
    "Flags for variables: --k=v, --k v, --k (boolean true), --no-k (false),\n"
    "repeated or comma-separated for arrays.\n"
    "\n"
    "Options:\n"
    "  --answers FILE      values from a JSON or YAML file\n"
    "  --dry               show what would change, write nothing, run no hooks\n"
    "  --json              machine-readable output\n"
    "  --force             overwrite existing files\n"
    "  --yes, --defaults   never ask: take defaults, fail on missing values\n"
    "  --no-interactive    the same\n"
    "  --allow-outside     allow outputs outside the project root\n"
    "  --trust             let hooks and shell steps of untrusted packages run\n";
Status action_command(Context& ctx, std::span<const std::string> args);

inline constexpr char kInfoUsage[] =
    "Usage: hypergen info NAME [--json]\n"
    "\n"
    "Shows a V8 generator: description, variables (type, required, default,\n"
    "rules), examples as runnable command lines. --json prints the same with a\n"
    "JSON Schema of the variables (\"schema\").\n";
Status info_command(Context& ctx, std::span<const std::string> args);

inline constexpr char kTemplateUsage[] =
    "Usage: hypergen template validate PATH [--json]\n"
    "       hypergen template info PATH [--json]\n"
    "       hypergen template examples PATH [--json]\n"
    "       hypergen template list [DIR] [--json]\n"
    "\n"
    "PATH is a template.yml or its folder. validate checks the schema, the\n"
    "patterns, that every example satisfies the variables, that every template\n"
    "parses, and that every variable a template uses is declared; each problem\n"
    "is printed as file:line:col. list scans DIR (default: the template roots)\n"
    "for generators with a template.yml.\n";
Status template_command(Context& ctx, std::span<const std::string> args);

inline constexpr char kDiscoverUsage[] =
    "Usage: hypergen discover [--json]\n"
    "\n"
    "Finds every generator under the template roots (./_templates, hypergen.yml\n"
    "`templates:`, $HYPERGEN_TMPLS): Hygen ones (folders of actions) and V8 ones\n"
    "(a template.yml), with their paths and actions.\n";
Status discover_command(Context& ctx, std::span<const std::string> args);

}  // namespace hypergen::app
