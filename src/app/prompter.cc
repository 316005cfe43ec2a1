#include "app/prompter.h"

#include "prompt/factory.h"

namespace hypergen::app {

std::unique_ptr<prompt::Prompter> make_prompter(Context& ctx, bool allow_interactive) {
  bool terminal = ctx.console.stdin_is_tty() && ctx.console.stderr_is_tty();
  return prompt::make_prompter(allow_interactive && terminal,
                               use_color(ctx.env, ctx.console.stderr_is_tty()));
}

}  // namespace hypergen::app
