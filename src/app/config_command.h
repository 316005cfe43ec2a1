#pragma once
// `hypergen config init|show|validate` and `hypergen system status|version`
// (V8's management commands, made to tell the truth: `show` prints every
// setting with where it came from, and every setting it shows is used).

#include <span>
#include <string>

#include "app/context.h"
#include "util/result.h"

namespace hypergen::app {

inline constexpr char kConfigUsage[] =
    "Usage: hypergen config init [--format=yaml|json] [--force]\n"
    "       hypergen config show [--json]\n"
    "       hypergen config validate [PATH] [--json]\n"
    "\n"
    "init writes hypergen.yml (or hypergen.json) with the defaults; show prints\n"
    "the project root, the configuration file and each setting with its origin\n"
    "(default, the file and line, an environment variable); validate loads the\n"
    "file (PATH or the one found from here) and checks every value and that the\n"
    "template folders exist.\n";
Status config_command(Context& ctx, std::span<const std::string> args);

inline constexpr char kSystemUsage[] =
    "Usage: hypergen system status [--json]\n"
    "       hypergen system version [--json]\n"
    "\n"
    "status: the project, its template roots, how many generators (Hygen and\n"
    "V8), actions and categories they hold. version: the version of this binary.\n";
Status system_command(Context& ctx, std::span<const std::string> args);

}  // namespace hypergen::app
