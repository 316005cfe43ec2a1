#pragma once
// `perf optimize` records the best `--jobs` as `perf.jobs` in the project
// file. These functions change that one value in the file's text and keep
// everything else as it was: for YAML, comments, key order, quoting and
// blank lines byte for byte (a line edit, not a re-serialization, because
// yaml-cpp would drop the comments); for JSON, key order (JSON has no
// comments; the file is re-indented with two spaces).
//
// YAML rules: a top-level `perf:` block mapping gets its `jobs:` line
// replaced (a trailing comment is kept) or a `jobs:` line inserted first,
// with the indentation of its other keys; without `perf:`, a block is
// appended. A flow-style or scalar `perf:` (`perf: {jobs: 2}`) is refused
// (kData) rather than rewritten.

#include <string>
#include <string_view>

#include "util/result.h"

namespace hypergen::perf {

Result<std::string> set_yaml_perf_jobs(std::string_view text, int jobs);
Result<std::string> set_json_perf_jobs(std::string_view text, int jobs);

}  // namespace hypergen::perf
