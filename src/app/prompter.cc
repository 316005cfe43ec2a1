#include "app/prompter.h"

namespace hypergen::app {

std::unique_ptr<prompt::Prompter> make_prompter(Context& ctx, bool allow_interactive) {
  // The terminal prompter (src/prompt/) is wired here once it lands:
  //   if (allow_interactive && ctx.console.stdin_is_tty() && ctx.console.stderr_is_tty())
  //     return prompt::make_terminal_prompter(...);
  (void)ctx;
  (void)allow_interactive;
  return std::make_unique<NonInteractivePrompter>();
}

}  // namespace hypergen::app
