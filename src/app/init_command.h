#pragma once
// `hypergen init self`: writes exactly what Hygen 6.2.11's `init self`
// writes — its EJS templates `_templates/generator/{help,with-prompt,new}`
// (a generator that makes generators) and `_templates/init/repo` — byte for
// byte and in the same order. Written through the transactional writer;
// existing files are left alone unless --force.

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
    "Writes Hygen's own generator templates (EJS, as `hygen init self` does) in\n"
    "the current folder: _templates/generator/new and with-prompt (generators that\n"
    "make generators), _templates/generator/help and _templates/init/repo. Then:\n"
    "  hypergen generator new --name my-gen   # creates _templates/my-gen/new/hello.ejs.t\n"
    "  hypergen my-gen new                    # runs it: writes app/hello.js\n"
    "\n"
    "init generator writes a V8 generator: DIR/NAME/template.yml (variables,\n"
    "an example) and Liquid templates in DIR/NAME/templates/ — valid and\n"
    "runnable as is (hypergen action NAME --name=Example). init workspace writes\n"
    "hypergen.yml, DIR/README.md and, unless --withExamples=false, three example\n"
    "generators (component, api-route, util-function).\n";
Status init_command(Context& ctx, std::span<const std::string> args);

}  // namespace hypergen::app
