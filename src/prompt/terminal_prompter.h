#pragma once
// The Prompter that asks on a terminal, looking and behaving like enquirer
// 2.x (what Hygen generators were written against): the question line
// `? message › answer`, choice lists with a `❯` pointer, inline validation
// errors under the question, and once answered the line enquirer leaves
// behind, `✔ message · answer`. Key bindings and the deliberate differences
// from enquirer are listed in docs/prompts.md.
//
// Each ask() enters raw mode for the question only (left again on every way
// out); Ctrl-C and Esc cancel (`✖ message ·`, then an Error of kind
// kInterrupted); Ctrl-Z suspends the process like a shell job.

#include <memory>

#include "prompt/prompt.h"
#include "prompt/terminal.h"

namespace hypergen::prompt {

class TerminalPrompter final : public Prompter {
 public:
  // Draws on `terminal` (not owned); ANSI colours only when `color`.
  TerminalPrompter(Terminal& terminal, bool color) : terminal_(terminal), color_(color) {}
  // Owns the terminal.
  TerminalPrompter(std::unique_ptr<Terminal> terminal, bool color)
      : owned_(std::move(terminal)), terminal_(*owned_), color_(color) {}

  bool interactive() const override { return true; }
  // Returns the answer (never nullopt), or kInterrupted (Ctrl-C, Esc, a
  // terminating signal, the terminal closed), or kData for a question that
  // cannot be asked (a choice question where no choice can be selected).
  Result<std::optional<liquid::Value>> ask(const Question& question) override;

 private:
  std::unique_ptr<Terminal> owned_;
  Terminal& terminal_;
  bool color_;
};

}  // namespace hypergen::prompt
