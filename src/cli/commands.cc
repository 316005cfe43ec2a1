#include "cli/commands.h"

#include <algorithm>
#include <array>

#include "app/render_command.h"

namespace hypergen::cli {

namespace {

Status help_command(app::Context& ctx, std::span<const std::string> args);

constexpr char kHelpUsage[] =
    "Usage: hypergen help [COMMAND]\n"
    "\n"
    "Shows the list of commands, or the options of one command.\n";

constexpr std::array kCommands = {
    Command{"help", "show help for a command", kHelpUsage, help_command},
    Command{"render", "render one template file with JSON data (try a template)",
            app::kRenderUsage, app::render_command},
};

Status help_command(app::Context& ctx, std::span<const std::string> args) {
  if (args.empty()) {
    std::string text = "Commands:\n";
    for (const Command& c : kCommands) {
      text += "  " + std::string(c.name) + "  " + std::string(c.summary) + "\n";
    }
    ctx.console.out(text);
    return {};
  }
  if (const Command* c = find_command(args[0])) {
    ctx.console.out(c->usage);
    return {};
  }
  return make_error(ErrorKind::kNotFound, "no help for '" + args[0] + "': unknown command");
}

}  // namespace

std::span<const Command> commands() { return kCommands; }

const Command* find_command(std::string_view name) {
  auto it = std::find_if(kCommands.begin(), kCommands.end(),
                         [&](const Command& c) { return c.name == name; });
  return it == kCommands.end() ? nullptr : &*it;
}

}  // namespace hypergen::cli
