#pragma once
// Running a template's `sh:` command: `/bin/sh -c COMMAND` in the given
// folder, the rendered body written to its stdin (then closed; an empty body
// gives /dev/null, and a command that exits without reading is not a
// failure — Hygen's EPIPE race and hang, spec §9.4, are not reproduced),
// stdout and stderr captured.

#include <string>

#include "util/result.h"

namespace hypergen::app {

struct ShellResult {
  int exit_status = 0;  // 128 + signal when killed
  std::string out;
  std::string err;
};

Result<ShellResult> run_shell(const std::string& command, const std::string& stdin_data,
                              const std::string& cwd);

}  // namespace hypergen::app
