#pragma once
// `hypergen recover`: finishes or undoes a generation that was interrupted
// while committing (a crash, SIGKILL, power loss), using the journal under
// `<project>/.hypergen/`. Every generation does this first anyway; the
// command exists to do it on purpose and to say what happened.

#include <span>
#include <string>

#include "app/context.h"
#include "util/result.h"

namespace hypergen::app {

inline constexpr char kRecoverUsage[] =
    "Usage: hypergen recover [--allow-outside]\n"
    "\n"
    "Finishes (rolls forward) or undoes (rolls back) a generation that was\n"
    "interrupted while writing, using the journal in .hypergen/ of the project.\n"
    "Afterwards every file is entirely old or entirely new.\n"
    "\n"
    "A journal that names files outside the project (left by a generation run\n"
    "with --allow-outside) is only replayed with --allow-outside; a journal\n"
    "whose staged files do not belong to its targets is set aside, never run.\n";
Status recover_command(Context& ctx, std::span<const std::string> args);

}  // namespace hypergen::app
