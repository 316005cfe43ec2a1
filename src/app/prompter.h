#pragma once
// The one place a V8 generation gets its prompt::Prompter: the terminal
// prompter (src/prompt/, enquirer's look, arrow keys) when stdin and stderr
// are terminals and `allow_interactive` is true; otherwise the
// non-interactive one, which never waits (unanswered questions fall back to
// defaults and missing required values become one kMissingInput error).

#include <memory>

#include "app/context.h"
#include "prompt/prompt.h"

namespace hypergen::app {

// `allow_interactive` is false with --yes, --defaults, --no-interactive and
// --json.
std::unique_ptr<prompt::Prompter> make_prompter(Context& ctx, bool allow_interactive);

}  // namespace hypergen::app
