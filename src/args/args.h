#pragma once
// Command-line arguments the way Hygen sees them (yargs-parser 21 with its
// defaults, spec §2.1), and the template variables ("locals", spec §5.1)
// built from them.
//
// parse_argv() turns the raw words into ordered options (with yargs' number
// coercion, `--no-x`, camel-cased aliases, dotted nesting and repeated keys
// becoming arrays) and the positionals `_`. build_locals() assembles the
// variable set a template renders against, in Hygen's precedence order.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::args {

struct ParsedArgs {
  // Every option in first-seen order, camel-cased aliases included
  // (`--my-var v` gives `my-var` and `myVar`). An Object value.
  liquid::Value options = liquid::Object{};
  // Positionals in order, number-coerced (words after `--` stay strings).
  std::vector<liquid::Value> positionals;

  // The option with this top-level key, or nullptr.
  const liquid::Value* option(std::string_view key) const;
};

ParsedArgs parse_argv(std::span<const std::string> words);

// yargs-parser's "looks like a number" test plus its safe-integer rule:
// the number a word coerces to, or nullopt when it stays a string.
std::optional<liquid::Value> coerce_number(std::string_view word);

// yargs-parser's camelCase() for option keys.
std::string camel_case(std::string_view key);

// JavaScript truthiness of a value ("" , 0, NaN, false and nil are falsy;
// arrays and objects are truthy).
bool js_truthy(const liquid::Value& v);

// Inputs of the locals (spec §5.1), all already resolved.
struct LocalsInput {
  std::string templates;     // absolute templates root
  std::string actionfolder;  // absolute action folder
  std::string generator;
  std::string action;                    // full string, with ":sub"
  std::optional<std::string> subaction;  // part after ':' when non-empty
  const ParsedArgs* args = nullptr;
  // The positional that is the name (p2, or p1 under the `_default` rule).
  std::optional<liquid::Value> name_positional;
  liquid::Value ts;  // HYGEN_TS string or milliseconds (number)
  std::string cwd;
  // `.hygen.js` localsDefaults (below everything but `name: 'unnamed'`) and
  // the hook's result (over everything but `cwd`); null when none.
  const liquid::Value* locals_defaults = nullptr;
  const liquid::Value* hook_result = nullptr;
};

// Hygen's run arguments: the locals without the `unnamed` default, the
// localsDefaults and the derived names (what a `.hygen.js` `helpers`
// function receives).
liquid::Value build_run_args(const LocalsInput& in);

// The locals object. Fails (kData) when `name` ends up not being a string,
// as Hygen does (its pluralizer throws on non-strings).
Result<liquid::Value> build_locals(const LocalsInput& in);

// inflection 1.13.4 pluralize() (spec §10.1), used for `names`.
std::string pluralize(std::string_view word);
// Hygen's h.capitalize: first character upper-cased, rest unchanged.
std::string capitalize_first(std::string_view word);

}  // namespace hypergen::args
