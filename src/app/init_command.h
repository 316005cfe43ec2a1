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
    "Usage: hypergen init self [--force] [--json]\n"
    "       hypergen init generator --name=NAME [--framework=react|vue|node|cli|api|generic]\n"
    "                 [--description=TEXT] [--category=custom] [--author=NAME]\n"
    "                 [--directory=_templates] [--force] [--json]\n"
    "       hypergen init workspace [--directory=_templates] [--withExamples=false] [--force]\n"
    "                 [--json]\n"
    "\n"
    "Creates _templates/generator/new (a generator that makes generators) and\n"
    "_templates/generator/help in the current folder, in Liquid. Then:\n"
    "  hypergen generator new my-gen       # creates _templates/my-gen/new/hello.liquid.t\n"
    "  hypergen my-gen new                  # runs it\n"
    "\n"
    "init generator writes a V8 generator: DIR/NAME/template.yml (variables,\n"
    "an example) and Liquid templates in DIR/NAME/templates/ — valid and\n"
    "runnable as is (hypergen action NAME --name=Example). init workspace writes\n"
    "hypergen.yml, DIR/README.md and, unless --withExamples=false, three example\n"
    "generators (component, api-route, util-function).\n";
Status init_command(Context& ctx, std::span<const std::string> args);

}  // namespace hypergen::app
