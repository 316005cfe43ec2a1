#pragma once
// Choosing a Prompter. Callers ask the factory, never construct the
// terminal one directly:
//
//   auto prompter = prompt::make_prompter(
//       ctx.console.stdin_is_tty() && ctx.console.stderr_is_tty(),
//       app::use_color(ctx.env, ctx.console.stderr_is_tty()));
//   if (!prompter->interactive()) { /* defaults, or report what is missing */ }
//   auto answer = prompter->ask(question);   // Result<optional<Value>>
//
// (make_process_prompter() decides from the real fds 0 and 2 instead.)
// The terminal prompter draws on stderr and reads stdin, so stdout stays
// clean for results.

#include <memory>
#include <optional>

#include "prompt/prompt.h"

namespace hypergen::prompt {

// No terminal: nothing can be asked. interactive() is false and every
// question stays unanswered (nullopt); the caller decides what that means.
class NonInteractivePrompter final : public Prompter {
 public:
  bool interactive() const override { return false; }
  Result<std::optional<liquid::Value>> ask(const Question&) override {
    return std::optional<liquid::Value>();
  }
};

// A TerminalPrompter on the process's terminal (stdin + stderr) when
// `interactive`, else a NonInteractivePrompter.
std::unique_ptr<Prompter> make_prompter(bool interactive, bool color);
// The same, `interactive` being whether fds 0 and 2 are both terminals.
std::unique_ptr<Prompter> make_process_prompter(bool color);

}  // namespace hypergen::prompt
