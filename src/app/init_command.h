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
    "Usage: hypergen init self [--force]\n"
    "\n"
    "Writes Hygen's own generator templates (EJS, as `hygen init self` does) in\n"
    "the current folder: _templates/generator/new and with-prompt (generators that\n"
    "make generators), _templates/generator/help and _templates/init/repo. Then:\n"
    "  hypergen generator new --name my-gen   # creates _templates/my-gen/new/hello.ejs.t\n"
    "  hypergen my-gen new                    # runs it: writes app/hello.js\n";
Status init_command(Context& ctx, std::span<const std::string> args);

}  // namespace hypergen::app
