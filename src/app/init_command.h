#pragma once
// `hypergen init self`: scaffolds `_templates/generator/{new,help}` — a
// generator that makes generators, written in Liquid (Hygen's `init self`,
// translated). Written through the transactional writer; existing files are
// left alone unless --force.

#include <span>
#include <string>

#include "app/context.h"
#include "util/result.h"

namespace hypergen::app {

inline constexpr char kInitUsage[] =
    "Usage: hypergen init self [--force]\n"
    "\n"
    "Creates _templates/generator/new (a generator that makes generators) and\n"
    "_templates/generator/help in the current folder, in Liquid. Then:\n"
    "  hypergen generator new my-gen       # creates _templates/my-gen/new/hello.liquid.t\n"
    "  hypergen my-gen new                  # runs it\n";
Status init_command(Context& ctx, std::span<const std::string> args);

}  // namespace hypergen::app
