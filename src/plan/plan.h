#pragma once
// Planning: rendered templates + what is on disk → the list of operations a
// generation will perform, before anything is written (Hygen's execution
// rules, spec §9, run against a virtual copy of the files it touches).
//
// Per template, in order: add or inject (when `to` is truthy), echo, shell.
// Several templates touching one file are folded, in template order, into
// one apply::FileChange per path (each step sees the previous one's result),
// so the transactional writer gets each path once.
//
// The outside world comes in through PlanEnvironment (reading targets,
// resolving `to` safely, reading `from:` files) and OverwriteDecider (the
// y/n/a/d question), which keeps this a pure function in tests.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "apply/apply.h"
#include "render/render.h"
#include "util/result.h"

namespace hypergen::plan {

enum class SkipReason : std::uint8_t {
  kNone,
  kUnlessExists,   // add: target exists and unless_exists: true
  kSkipIf,         // add: skip_if rendered to "true"; inject: skip_if matched
  kNoTo,           // `to` empty/null/false: nothing to write (conditional output)
  kDeclined,       // existing file, overwrite declined or not confirmable (no TTY)
  kIdentical,      // the file already has exactly this content
  kNoLocation,     // inject: before/at_line found no place
  kMissingTarget,  // inject: the target does not exist
};

const char* skip_reason_name(SkipReason r);

struct Op {
  enum class Kind : std::uint8_t { kCreate, kOverwrite, kInject, kSkip, kShell, kEcho };
  Kind kind = Kind::kSkip;
  std::size_t template_index = 0;
  std::string template_display;
  std::string to;    // `to` as rendered (what Hygen prints)
  std::string path;  // absolute target
  bool forced = false;
  bool inject = false;  // the op came from an inject template (for skips)
  SkipReason reason = SkipReason::kNone;
  std::string before, after;  // file content around this op (create: before empty)
  long inject_line = -1;
  // shell
  std::string sh;       // the rendered `sh:` as written (what Hygen prints)
  std::string command;  // what runs: `sh` after Hygen's mangling
  std::string stdin_body;
  bool ignore_exit = false;
  // echo
  std::string text;
};

struct Plan {
  std::vector<Op> ops;
  std::vector<std::string> messages;
  std::vector<apply::FileChange> changes;  // one per path, first-touch order
};

class PlanEnvironment {
 public:
  virtual ~PlanEnvironment() = default;
  // Current content of an absolute path; nullopt when it does not exist.
  // A directory is an error.
  virtual Result<std::optional<std::string>> read_target(const std::string& path) = 0;
  // `to` → safe absolute path (apply::resolve_output_path).
  virtual Result<std::string> resolve(std::string_view to) = 0;
  // Raw content of a `from:` file (relative to the templates variable).
  virtual Result<std::string> read_from(const std::string& from) = 0;
};

class OverwriteDecider {
 public:
  virtual ~OverwriteDecider() = default;
  // Whether to overwrite an existing file without `force`.
  virtual bool overwrite(const std::string& to, const std::string& before,
                         const std::string& after) = 0;
};

struct PlanOptions {
  bool force_all = false;  // --force / HYPERGEN_OVERWRITE
};

Result<Plan> make_plan(std::span<const render::RenderedTemplate> templates, PlanEnvironment& env,
                       OverwriteDecider& decider, const PlanOptions& options);

// Hygen's shell-command mangling (spec §9.4): trim, split on runs of
// spaces, glue a piece ending in '\' to the next, re-join with one space.
std::string mangle_shell_command(std::string_view command);

}  // namespace hypergen::plan
