#pragma once
// `hypergen <generator> <action> [name] [--flags]`: one Hygen-style
// generation, staged like this (see ARCHITECTURE.md):
//   config → recover (finish a crashed run) → resolve → list + order templates
//   → locals → render (parallel) → plan (prompts on a TTY) → apply (one
//   transaction) → shell commands → report.
// Nothing touches the disk before the whole action rendered and planned.

#include <span>
#include <string>

#include "app/context.h"
#include "util/result.h"

namespace hypergen::app {

inline constexpr char kGenerateUsage[] =
    "Usage: hypergen <generator> <action>[:<subaction>] [name] [--flags]\n"
    "\n"
    "Runs the templates of _templates/<generator>/<action> (Hygen layout; Liquid\n"
    "templates *.liquid.t / *.liquid). Every --flag becomes a template variable.\n"
    "\n"
    "Options:\n"
    "  --dry             show what would change (with diffs), write nothing\n"
    "  --json            print the plan and the result as JSON\n"
    "  --force           overwrite existing files without asking\n"
    "  --allow-outside   allow outputs outside the project root\n"
    "  --jobs N          render with at most N threads (1: sequential)\n"
    "  --trust           let sh: and hooks of untrusted sources (packages) run\n"
    "\n"
    "Environment: HYPERGEN_TMPLS / HYGEN_TMPLS (templates folder),\n"
    "HYPERGEN_OVERWRITE / HYGEN_OVERWRITE (overwrite without asking),\n"
    "HYPERGEN_TS / HYGEN_TS (value of `ts`), HYGEN_OUTPUT_ABS_PATH,\n"
    "HYPERGEN_TRUST=1 (trust every template source, as --trust).\n";

// `extra_names` (the command names) join the generators in the "did you
// mean" of an unknown first word.
Status generate_command(Context& ctx, std::span<const std::string> args,
                        std::span<const std::string> extra_names = {});

}  // namespace hypergen::app
