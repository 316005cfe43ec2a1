#pragma once
// Interactive questions: the one interface every feature that asks the user
// something goes through (Hygen's prompt.js hooks, template.yml variables,
// `hypergen prompt`). The question types are enquirer's, the ones Hygen
// generators use. A Prompter either asks on a terminal (arrow keys, inline
// validation) or, without one, answers nothing and says so: callers decide
// what an unanswered question means (Hygen: empty value; template.yml: a
// missing required value).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::prompt {

enum class Kind {
  kInput,         // free text                         → string
  kPassword,      // free text, echoed masked          → string
  kNumeral,       // a number                          → int or float
  kConfirm,       // yes/no                            → bool
  kSelect,        // one of `choices`, arrow keys      → string (the choice's name)
  kAutocomplete,  // select, filtered by typing        → string
  kMultiSelect,   // any of `choices`, space toggles   → array of strings
};

struct Choice {
  std::string name;     // the value returned
  std::string message;  // what is shown (name when empty)
  std::string hint;     // dim text after the message
  bool disabled = false;
};

struct Question {
  Kind kind = Kind::kInput;
  std::string name;     // the answer's key
  std::string message;  // the question text
  // Default answer (shown, taken on Enter): a string, number, bool, or for
  // kMultiSelect an array of choice names; nil when none.
  liquid::Value initial;
  std::vector<Choice> choices;  // kSelect, kAutocomplete, kMultiSelect
  // Returns an error message to show inline (the answer is asked again), or
  // nullopt when the answer is acceptable.
  std::function<std::optional<std::string>(const liquid::Value&)> validate;
  // enquirer's `required: true`: an empty answer (empty string, no item of a
  // multiselect) is refused with "Invalid input" before `validate` runs.
  bool required = false;
};

class Prompter {
 public:
  virtual ~Prompter() = default;
  // Whether questions can be asked at all (a terminal on stdin and stderr).
  virtual bool interactive() const = 0;
  // Asks one question. Without a terminal returns nullopt (unanswered);
  // an interrupt (Ctrl-C, Esc) is an error of kind kInterrupted.
  virtual Result<std::optional<liquid::Value>> ask(const Question& question) = 0;
};

}  // namespace hypergen::prompt
