#pragma once
// The command table: one row per subcommand (name, one-line help, usage,
// handler). `hypergen --help` prints it; dispatch looks commands up here, and
// an unknown word gets a "did you mean" from the same rows. Handlers live in
// src/app/ and return a Status; cli.cc is the one place that turns an Error
// into a message and an exit code.

#include <span>
#include <string>
#include <string_view>

#include "app/context.h"
#include "util/result.h"

namespace hypergen::cli {

using Handler = Status (*)(app::Context& ctx, std::span<const std::string> args);

struct Command {
  std::string_view name;
  std::string_view summary;  // one line, for `hypergen --help`
  std::string_view usage;    // full usage text, for `hypergen help NAME` / `NAME --help`
  Handler handler;
};

std::span<const Command> commands();
const Command* find_command(std::string_view name);

}  // namespace hypergen::cli
