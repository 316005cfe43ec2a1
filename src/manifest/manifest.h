#pragma once
// template.yml: the one declaration of a V8 generator (docs/template-yml.md,
// spec §2.5). Parsed with yaml-cpp keeping the line and column of every
// node, so each problem is reported as file:line:col. Parsing never stops at
// the first problem: every error and warning is collected (`template
// validate` prints them all); a manifest with an error is not used.
//
// Messages follow V8's template parser where it had one ("Variable 'X' must
// have a type", …); what V8 dropped (extends, includes, conflicts, hooks,
// prompt, when, internal/compute) is read and checked here too.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::manifest {

enum class VarType { kString, kNumber, kBoolean, kEnum, kArray, kObject, kFile, kDirectory };
const char* type_name(VarType t);
std::optional<VarType> parse_type(std::string_view s);

struct Variable {
  std::string name;
  VarType type = VarType::kString;
  bool required = false;
  bool has_default = false;
  liquid::Value default_value;
  std::string description;
  std::string prompt;               // question text (description, then the name, when empty)
  std::string pattern;              // ECMAScript regex, unanchored search (strings)
  std::vector<std::string> values;  // enum choices
  std::optional<double> min, max;   // number: range; string: length; array: item count
  bool multiple = false;            // enum: several choices (an array of them)
  bool internal = false;            // never asked, never a flag
  std::string compute;              // Liquid template giving the value (internal)
  std::string when;                 // condition: ask / require only when true
  std::string message;              // validation.message: replaces the pattern text
  SourceLocation where;             // the variable's key
  std::map<std::string, SourceLocation, std::less<>> field_where;  // key → location

  SourceLocation at(std::string_view field) const;
};

struct Example {
  std::string title;
  std::string description;
  liquid::Value variables = liquid::Object{};
  SourceLocation where;
  std::map<std::string, SourceLocation, std::less<>> variable_where;
};

enum class Strategy { kMerge, kReplace, kExtend, kError };
const char* strategy_name(Strategy s);
std::optional<Strategy> parse_strategy(std::string_view s);

struct Include {
  std::string url;  // a folder or a template.yml, relative to this file
  std::string version;
  liquid::Value variables = liquid::Object{};  // default overrides
  std::string condition;
  std::optional<Strategy> strategy;
  SourceLocation where;
};

struct Conflicts {
  std::optional<Strategy> strategy;
  std::map<std::string, Strategy> rules;
};

struct Hook {
  std::string command;  // a shell command (Liquid-rendered with the values)
  SourceLocation where;
};

struct Hooks {
  std::vector<Hook> pre, post, error;
};

enum class StepKind { kRender, kInject, kShell, kMessage, kGenerator };
const char* step_kind_name(StepKind k);

struct Step {
  std::string id;
  StepKind kind = StepKind::kRender;
  std::string when;
  std::vector<std::string> depends_on;
  SourceLocation where;
  // render: a glob over the generator's templates ("**" = all)
  // inject: the target path (Liquid)     shell: the command (Liquid)
  // message: the text (Liquid)           generator: the generator's name
  std::string target;
  // inject: the text to insert (Liquid), from `content:` or the template
  // file `template:` (relative to the templates folder)
  std::string content;
  std::string template_file;
  // inject: where (Hygen's keys: before, after, prepend, append, at_line,
  // skip_if, eof_last) — copied as frontmatter attributes
  liquid::Value inject_options = liquid::Object{};
  // shell: text piped to stdin (Liquid); generator: values (strings Liquid-rendered)
  std::string stdin_text;
  liquid::Value with = liquid::Object{};
  bool ignore_exit = false;
};

struct Manifest {
  std::string file;  // the template.yml path (as given, for messages)
  std::string dir;   // its folder
  std::string name;
  std::string title;
  std::string description;
  std::string version;
  std::string author;
  std::string category;
  std::vector<std::string> tags;
  std::vector<Variable> variables;  // declaration order
  std::vector<Example> examples;
  std::string extends;
  SourceLocation extends_where;
  std::vector<Include> includes;
  Conflicts conflicts;
  Hooks hooks;
  std::vector<Step> steps;
  bool has_steps = false;
  std::string engine = "liquid";  // the engine of files without a known extension
  SourceLocation name_where;

  const Variable* find(std::string_view name) const;
  Variable* find(std::string_view name);
};

struct Diagnostic {
  bool error = true;
  std::string code;  // V8 error code (TEMPLATE_INVALID_SYNTAX, VALIDATION_ERROR, …)
  std::string message;
  SourceLocation where;
};

struct Parsed {
  Manifest manifest;
  std::vector<Diagnostic> diagnostics;
  bool ok() const;
  std::size_t error_count() const;
};

// Parses and checks one template.yml's text. `file` names it in locations.
Parsed parse(std::string_view text, const std::string& file);

// Checks a manifest's structure after composition: variable rules, step ids,
// `dependsOn` (unknown ids, cycles), conditions. Appends to `out`.
void check(const Manifest& m, std::vector<Diagnostic>& out);

// The first error of `diagnostics` as an Error (kTemplate, its code, the
// count of further errors in the message), for commands that need a valid
// manifest. Context shows the offending line of `text` with a caret.
Error first_error(const std::vector<Diagnostic>& diagnostics, std::string_view text);

// "file:line:col: error: message" lines for every diagnostic.
std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace hypergen::manifest

namespace hypergen::manifest {

// A dependency cycle among steps (ids, the first repeated at the end), or
// nullopt. Unknown ids are ignored (check() reports them).
std::optional<std::vector<std::string>> find_cycle(const std::vector<Step>& steps);

// Steps grouped by depth in the dependency graph: level 0 has no
// dependencies, level n depends only on levels < n. Within a level, steps are
// independent (they may run in parallel); indices keep declaration order.
std::vector<std::vector<std::size_t>> step_levels(const std::vector<Step>& steps);

}  // namespace hypergen::manifest
