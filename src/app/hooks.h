#pragma once
// Hygen's JavaScript in a generation: `.hygen.js` (spec §4.2) and the
// action's hook file (`index.js`, `prompt.cjs`, `prompt.js`; spec §6), run
// in the run's JavaScript realm, or with the system `node` when the hook
// needs Node modules (js/modules.h decides; app/node_hook.h runs it).
// Questions a hook asks go to hypergen's native prompter (prompt/).

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/context.h"
#include "js/runtime.h"
#include "liquid/value.h"
#include "prompt/prompt.h"
#include "util/result.h"

namespace hypergen::app {

// The first `.hygen.js` in the cwd or one of its parents ("" when none).
std::string find_hygen_js(FileSystem& fs, const std::string& cwd);

// Answers hooks' `prompter.prompt(questions)` with a Prompter (made on the
// first question). Without a terminal nothing is asked: it records the
// questions and stops the run the way Hygen does (exit 0, nothing done).
class HookAsker {
 public:
  // `allow_interactive` false (--json): never asks, as if there were no
  // terminal.
  HookAsker(Context& ctx, prompt::Prompter* given = nullptr, bool allow_interactive = true)
      : ctx_(ctx), given_(given), allow_interactive_(allow_interactive) {}

  // The js::AskFn.
  Result<liquid::Value> ask(const liquid::Value& specs, const js::ValidateFn& validate);

  // Questions left unanswered for want of a terminal ("name (message)").
  const std::vector<std::string>& unanswered() const { return unanswered_; }
  bool stopped() const { return !unanswered_.empty(); }
  // The first failure of ask() (an interrupt, a refused question type).
  const std::optional<Error>& error() const { return error_; }

 private:
  prompt::Prompter& prompter();

  Context& ctx_;
  prompt::Prompter* given_;
  bool allow_interactive_;
  std::unique_ptr<prompt::Prompter> owned_;
  std::vector<std::string> unanswered_;
  std::optional<Error> error_;
};

// A question spec from the realm (js::AskFn) as a prompt::Question.
Result<prompt::Question> question_from_spec(const liquid::Value& spec);

struct HookOutcome {
  liquid::Value result;  // the hook's object (empty object when none)
  bool stopped = false;  // see HookAsker: the caller ends the run, exit 0
  bool with_node = false;
};

// Runs the hook file `hook` with Hygen's `args` ({name?, ...options}).
// `roots`: folders a relative require may read (template roots, project).
Result<HookOutcome> run_hook_file(Context& ctx, js::Runtime& runtime, HookAsker& asker,
                                  const std::string& hook, const liquid::Value& args,
                                  std::span<const std::string> roots);

// Loads `.hygen.js` (path from find_hygen_js) into the run's realm.
Result<js::ConfigSummary> load_hygen_js(Context& ctx, js::Runtime& runtime, const std::string& file,
                                        const liquid::Value& base,
                                        std::span<const std::string> roots);

// The message for a run stopped by unanswered questions.
std::string unanswered_message(const std::vector<std::string>& questions);

}  // namespace hypergen::app
