#pragma once
// Running a child process and measuring it, for `perf`: start-up time
// (`hypergen --version`), and `perf test`, which measures each synthetic
// workspace in a fresh child so every scale's peak RSS is its own.
// POSIX only (fork/exec/wait4); the child's stdin is /dev/null.

#include <cstdint>
#include <string>
#include <vector>

#include "perf/clock.h"
#include "util/result.h"

namespace hypergen::perf {

struct ProcessResult {
  int exit_code = 0;  // 128 + signal when killed by a signal
  std::string out, err;
  std::int64_t wall_ns = 0;     // fork to reaped, on `clock`
  std::int64_t max_rss_kb = 0;  // the child's peak RSS (wait4's rusage)
};

// Runs argv[0] (a path, not searched in $PATH) in `cwd` (empty: ours).
// `capture`: collect stdout/stderr; otherwise they go to /dev/null.
// kIo when the process cannot be started.
// `unset_env`: variables removed from the child's environment.
Result<ProcessResult> run_process(const std::vector<std::string>& argv, const std::string& cwd,
                                  Clock& clock, bool capture,
                                  const std::vector<std::string>& unset_env = {});

// This executable (/proc/self/exe resolved), or "" when unknown.
std::string self_exe_path();

// getrusage(RUSAGE_SELF).ru_maxrss in KiB.
std::int64_t self_peak_rss_kb();

}  // namespace hypergen::perf
