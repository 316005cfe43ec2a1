#include "cli/commands.h"

#include <algorithm>
#include <array>
#include <vector>

#include "app/cache_command.h"
#include "app/config_command.h"
#include "app/generate.h"
#include "app/init_command.h"
#include "app/list_command.h"
#include "app/perf_command.h"
#include "app/prompt_command.h"
#include "app/recover_command.h"
#include "app/render_command.h"
#include "app/v8_commands.h"

namespace hypergen::cli {

namespace {

Status help_command(app::Context& ctx, std::span<const std::string> args);
Status perf_handler(app::Context& ctx, std::span<const std::string> args);

constexpr char kHelpUsage[] =
    "Usage: hypergen help [COMMAND | GENERATOR]\n"
    "\n"
    "Shows the list of commands, the options of one command, or a generator's\n"
    "actions and the variables their templates use.\n";

const std::array kCommands = {
    Command{"action", "run a V8 generator (template.yml) by name", app::kActionUsage,
            app::action_command},
    Command{"cache", "show, clear or rebuild the template index and cached objects",
            app::kCacheUsage, app::cache_command},
    Command{"config", "create, show (with origins) or validate the project configuration",
            app::kConfigUsage, app::config_command},
    Command{"discover", "find every generator (Hygen and V8) under the template roots",
            app::kDiscoverUsage, app::discover_command},
    Command{"help", "show help for a command", kHelpUsage, help_command},
    Command{"info", "show a V8 generator's variables, defaults and examples", app::kInfoUsage,
            app::info_command},
    Command{"init", "scaffold a generator, a workspace, or Hygen's generator-making generator",
            app::kInitUsage, app::init_command},
    Command{"list", "list the generators and their actions", app::kListUsage, app::list_command},
    Command{"perf",
            "the performance lab: status, benchmark, test, analyze, optimize, monitor, export",
            app::kPerfUsage, perf_handler},
    Command{"prompt", "ask the questions of a JSON/YAML list, print the answers as JSON",
            app::kPromptUsage, app::prompt_command},
    Command{"recover", "finish or undo a generation interrupted by a crash", app::kRecoverUsage,
            app::recover_command},
    Command{"render", "render one template file with JSON data (try a template)", app::kRenderUsage,
            app::render_command},
    Command{"system", "project status (generators, roots) and version", app::kSystemUsage,
            app::system_command},
    Command{"template", "validate, describe or list template.yml generators", app::kTemplateUsage,
            app::template_command},
};

Status help_command(app::Context& ctx, std::span<const std::string> args) {
  if (args.empty()) {
    std::string text = "Commands:\n";
    for (const Command& c : kCommands) {
      text += "  " + std::string(c.name) + "  " + std::string(c.summary) + "\n";
    }
    text += "\nGenerate: hypergen <generator> <action> [name] [--flags]\n";
    ctx.console.out(text);
    return {};
  }
  if (const Command* c = find_command(args[0])) {
    ctx.console.out(c->usage);
    return {};
  }
  if (args[0] == "generate") {
    ctx.console.out(app::kGenerateUsage);
    return {};
  }
  return app::generator_help(ctx, args[0]);
}

// Runs a command line in-process for `perf analyze`: a command of the table
// or, for any other first word, a generation (the dispatch of cli.cc).
Status run_command_line(app::Context& ctx, std::span<const std::string> args) {
  if (args.empty()) return make_error(ErrorKind::kUsage, "no command to run");
  if (const Command* c = find_command(args[0])) return c->handler(ctx, args.subspan(1));
  std::vector<std::string> names;
  for (const Command& c : kCommands) names.emplace_back(c.name);
  return app::generate_command(ctx, args, names);
}

Status perf_handler(app::Context& ctx, std::span<const std::string> args) {
  return app::perf_command(ctx, args, run_command_line);
}

}  // namespace

std::span<const Command> commands() {
  return kCommands;
}

const Command* find_command(std::string_view name) {
  auto it = std::find_if(kCommands.begin(), kCommands.end(),
                         [&](const Command& c) { return c.name == name; });
  return it == kCommands.end() ? nullptr : &*it;
}

}  // namespace hypergen::cli
