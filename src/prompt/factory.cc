#include "prompt/factory.h"

#include "prompt/posix_terminal.h"
#include "prompt/terminal_prompter.h"

namespace hypergen::prompt {

std::unique_ptr<Prompter> make_prompter(bool interactive, bool color) {
  if (!interactive) return std::make_unique<NonInteractivePrompter>();
  return std::make_unique<TerminalPrompter>(std::make_unique<PosixTerminal>(0, 2), color);
}

std::unique_ptr<Prompter> make_process_prompter(bool color) {
  return make_prompter(process_has_terminal(), color);
}

}  // namespace hypergen::prompt
