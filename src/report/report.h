#pragma once
// Reporting a generation: the stages emit events, a Reporter prints them.
// HumanReporter prints Hygen's lines (`       added: x`, `      inject: x`,
// `     skipped: x`, `       shell: cmd`, `       FORCED: x`), with a
// unified diff under each change in `--dry`; JsonReporter collects every
// event and prints one JSON document at the end (`--json`).

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hypergen::report {

struct RunInfo {
  bool dry = false;
  std::string templates;  // templates root, relative to the cwd when inside it
  std::string generator;
  std::string action;
  std::string action_dir;
};

struct Event {
  enum class Kind : std::uint8_t {
    kAdded,        // new file
    kOverwritten,  // existing file replaced (Hygen prints "added" too)
    kForced,       // written because of `force:`
    kInjected,
    kSkipped,       // with a reason
    kCannotInject,  // inject target missing (not an error, as in Hygen)
    kShell,
    kEcho,
  };
  Kind kind = Kind::kAdded;
  std::string to;    // target as rendered (what Hygen prints)
  std::string path;  // absolute target
  std::string template_file;
  std::string reason;   // machine name of a skip reason
  std::string detail;   // human explanation of a skip
  std::string diff;     // unified diff (dry runs)
  std::string command;  // shell: the `sh:` text as written (it runs mangled)
  std::string text;     // echo
  int exit_status = 0;  // shell
  long line = -1;       // inject: line index the body went to
};

// Code from an untrusted source (a package) that a dry run did not run and
// a real run would refuse without trust (docs/packages.md).
struct NeedsTrust {
  std::string kind;     // "sh", "hook", "shell step", "pre hook", "post hook", "error hook"
  std::string file;     // where it is written (display path)
  std::string command;  // the command as rendered; empty for a hook file
  std::string source;   // "package <name>"
  std::string note;     // optional, e.g. why the run went on without it
};

struct Summary {
  std::size_t created = 0, overwritten = 0, injected = 0, skipped = 0, shells = 0;
  bool applied = false;  // false in dry runs
  std::vector<std::string> messages;
  std::string recovery;  // what `apply::recover` did first, if anything
  std::vector<NeedsTrust> needs_trust;
  std::string trust_hint;  // how to trust them (printed under the list)
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin(const RunInfo& info) = 0;
  virtual void event(const Event& e) = 0;
  virtual void finish(const Summary& s) = 0;
};

using Sink = std::function<void(std::string_view)>;

std::unique_ptr<Reporter> make_human_reporter(Sink out, bool color);
std::unique_ptr<Reporter> make_json_reporter(Sink out);

// Hygen's label column: the label right-aligned to 12 characters, then ": "
// (Hygen's "FORCED" line is the exception: 7 spaces, then "FORCED: ").
std::string hygen_line(std::string_view label, std::string_view text);

}  // namespace hypergen::report
