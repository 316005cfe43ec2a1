#pragma once
// `hypergen list [--json]`: the generators of every template root and their
// actions. `hypergen help <generator>`: one generator's actions with the
// variables (--flags) their templates read. Both read directory listings;
// help also scans the templates' Liquid tags.

#include <span>
#include <string>

#include "app/context.h"
#include "util/result.h"

namespace hypergen::app {

inline constexpr char kListUsage[] =
    "Usage: hypergen list [CATEGORY] [--json]\n"
    "\n"
    "Lists the generators of the template roots (./_templates, 'templates:' in\n"
    "hypergen.yml, $HYPERGEN_TMPLS / $HYGEN_TMPLS): Hygen generators with their\n"
    "actions, then V8 generators (template.yml) with their description and\n"
    "category. A CATEGORY shows only the V8 generators of that category.\n";
Status list_command(Context& ctx, std::span<const std::string> args);

// Help for one generator; kNotFound (with "did you mean") when it is unknown.
Status generator_help(Context& ctx, const std::string& generator);

}  // namespace hypergen::app
