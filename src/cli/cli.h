#pragma once
// Entry point: parse the first word, dispatch through the command table, map
// errors to exit codes (util/result.h exit_code) and print them.

#include <span>
#include <string>

#include "app/context.h"

namespace hypergen::cli {

// Runs hypergen with `args` (argv without the program name) in `ctx`.
// Returns the process exit status.
int run(app::Context& ctx, std::span<const std::string> args);

// The process entry point: builds the real context and calls run().
int main(int argc, char** argv);

// Prints an error the way every command reports one:
//   file:line:col: error: message        (when there is a location)
//   hypergen: error: message             (otherwise)
// followed by the context excerpt, if any.
std::string format_error(const Error& error, bool color);
// The same as one JSON document ({"error": {kind, exitCode, code, message,
// file, line, column, context, suggestions}}), printed on stderr under --json.
std::string format_error_json(const Error& error);

}  // namespace hypergen::cli
