#pragma once
// The values of a V8 generator's variables: where they come from, how a raw
// value becomes the declared type, and the rules it must meet — the same
// checks whatever the source. Sources, lowest to highest precedence:
//
//   default < --answers FILE < HYPERGEN_VAR_<NAME> < --flags (and values
//   given by a parent `generator` step) < interactive answers
//
// A TTY asks for every active variable not given explicitly (the default
// shown as the initial answer); without one, defaults apply and every
// missing required value is listed in one kMissingInput error.

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/value.h"
#include "manifest/manifest.h"
#include "prompt/prompt.h"
#include "util/result.h"

namespace hypergen::manifest {

// The raw value (a flag's string, an env var, an answers-file value, a
// prompt answer) as the variable's type: "3" → 3 for numbers, "yes"/"no"
// for booleans, "a,b" → ["a","b"] for arrays and multiple enums, a JSON
// text for objects. The error message is the rule ("must be a number").
Result<liquid::Value> coerce(const Variable& v, const liquid::Value& raw);

// The rule a typed value breaks, or nullopt: "must be one of: a, b",
// "does not match pattern: P" (or validation.message), "must be >= 1", …
std::optional<std::string> check_value(const Variable& v, const liquid::Value& value);

// HYPERGEN_VAR_ + the name in CONSTANT_CASE (`withTests` → WITH_TESTS).
std::string env_name(std::string_view variable);

enum class Origin : std::uint8_t { kDefault, kAnswers, kEnv, kFlag, kGiven, kPrompt, kComputed };
const char* origin_name(Origin o);

// Flags of a V8 run, read against the declared variables: `--k=v`, `--k v`,
// `--k` (booleans: true; others take the next word), `--no-k` (false),
// repeated flags and comma lists for arrays. `--my-var` matches `myVar` and
// `my_var`. `reserved` flags (the command's own: dry, json, …) are returned
// apart; `reserved_with_value` take a value. Unknown flags are a usage error
// (ACTION_INVALID_PARAMETERS) with a "did you mean".
struct FlagValues {
  liquid::Value values = liquid::Object{};     // variable → raw value
  std::map<std::string, std::string> spelled;  // variable → the flag as typed
  liquid::Value reserved = liquid::Object{};   // reserved flag → value
  std::vector<std::string> positionals;
};
Result<FlagValues> parse_flags(const Manifest& m, std::span<const std::string> words,
                               std::span<const std::string_view> reserved,
                               std::span<const std::string_view> reserved_with_value);

struct Inputs {
  liquid::Value answers = liquid::Object{};                         // from --answers
  std::string answers_file;                                         // for messages
  std::function<std::optional<std::string>(std::string_view)> env;  // may be empty
  const FlagValues* flags = nullptr;
  liquid::Value given = liquid::Object{};  // a parent step's values (already typed)
  bool ask = true;                         // false: --yes / --no-interactive / --defaults
  std::string command;                     // for the missing-values suggestion
};

struct Resolved {
  liquid::Value values = liquid::Object{};
  std::map<std::string, Origin> origins;
  std::vector<std::string> inactive;  // variables whose `when` was false
};

// Resolves every variable. `compute` renders `compute:` templates and
// templated defaults of internal variables (nullptr: they stay unset).
using ComputeFn =
    std::function<Result<std::string>(const std::string& tpl, const liquid::Value& values)>;
Result<Resolved> resolve_values(const Manifest& m, const Inputs& in, prompt::Prompter& prompter,
                                const ComputeFn& compute);

// The question for a variable (kind from its type; inline validation).
prompt::Question question_for(const Variable& v);

// A JSON Schema (draft 2020-12) of the variables, with x-prompt/x-when/
// x-internal extensions, as a value (liquid::to_json prints it).
liquid::Value json_schema(const Manifest& m);

// A command line for an example: `hypergen action NAME --k=v …` (values
// shell-quoted when needed).
std::string example_command(const Manifest& m, const Example& e);

// Shell-quotes a word when it needs it.
std::string shell_quote(std::string_view word);

}  // namespace hypergen::manifest
