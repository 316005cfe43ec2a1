#pragma once
// The one place a command gets its prompt::Prompter. Today every run gets
// the non-interactive one (it never waits: unanswered questions fall back to
// defaults and missing required values become one kMissingInput error). The
// terminal prompter plugs in here: make_prompter() returns it when stdin
// and stderr are terminals and `allow_interactive` is true.

#include <memory>

#include "app/context.h"
#include "prompt/prompt.h"

namespace hypergen::app {

// Never asks: interactive() is false and every question is unanswered.
class NonInteractivePrompter final : public prompt::Prompter {
 public:
  bool interactive() const override { return false; }
  Result<std::optional<liquid::Value>> ask(const prompt::Question&) override {
    return std::optional<liquid::Value>();
  }
};

// `allow_interactive` is false with --yes, --defaults, --no-interactive and
// --json.
std::unique_ptr<prompt::Prompter> make_prompter(Context& ctx, bool allow_interactive);

}  // namespace hypergen::app
