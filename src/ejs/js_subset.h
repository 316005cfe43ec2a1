#pragma once
// The JavaScript subset the native EJS path runs (ejs/native.h): a lexer
// and recursive-descent parser for the statements ejs/compile.h generates
// from a template (`__append("text")`, `__append(escapeFn(expr))`,
// `__line = N`, and the code of `<% %>` tags), so blocks that span tags
// (`<% if (x) { %>…<% } %>`) parse as the engine parses them.
//
// Accepted: literals (strings with escapes, numbers, true/false/null, array
// and object literals), identifiers, `.x`/`[e]` member access, calls,
// function expressions and arrow functions, unary `! - + typeof`, binary
// `+ - * / % == != === !== < > <= >= && || ??`, `?:`, assignment
// (`= += -= *= /= %=`) and `++`/`--` on plain names; statements `var`,
// `if`/`else`, blocks, `for (init; test; update)`, `return`, `break`,
// `continue`, expression statements, automatic semicolon insertion.
// Anything else (`this`, `new`, `let`/`const`, `while`, regex or template
// literals, member assignment, `require`, method names the evaluator does
// not know, names of engine globals it does not implement, …) makes
// parse_program() fail with the reason: such a template needs the engine.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace hypergen::ejs::subset {

enum class Op : std::uint8_t {
  kNone,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kEq,
  kNe,
  kStrictEq,
  kStrictNe,
  kLt,
  kGt,
  kLe,
  kGe,
  kAnd,
  kOr,
  kNullish,
  kNot,
  kNeg,
  kPlus,
  kTypeof,
  kInc,
  kDec,
};

struct Node {
  enum class Kind : std::uint8_t {
    // expressions
    kNumber,
    kString,
    kBool,
    kNull,
    kIdent,
    kArray,
    kObject,
    kFunction,
    kMember,  // kids[0].text
    kIndex,   // kids[0][kids[1]]
    kCall,    // kids[0](kids[1..])
    kUnary,
    kBinary,
    kLogical,
    kConditional,
    kAssign,  // text op= kids[0]
    kUpdate,  // ++text / text++ (flag: prefix)
    // statements
    kAppend,  // __append(kids[0]) (flag: through escapeFn)
    kLine,    // __line = number
    kExpression,
    kVar,  // names[i] = kids[i] (null: no initializer)
    kIf,   // kids: test, then, else (may be null)
    kBlock,
    kFor,     // kids: init, test, update (each may be null), body
    kReturn,  // kids: value (may be null)
    kBreak,
    kContinue,
    kEmpty,
  };
  Kind kind = Kind::kEmpty;
  Op op = Op::kNone;
  bool flag = false;  // kAppend: escaped; kUpdate: prefix; kFunction: expression body
  double number = 0;
  std::string text;                  // name, string value, property
  std::vector<const Node*> kids;     // see Kind
  std::vector<std::string> names;    // kObject keys, kFunction params, kVar names
  std::vector<std::string> hoisted;  // kFunction: `var` names of its body
};

struct Program {
  std::deque<Node> nodes;            // owns every node
  std::vector<const Node*> body;     // the template function's statements
  std::vector<std::string> hoisted;  // its `var` names
  // Names assigned (`x = …`, `x++`) that no function of the template
  // declares: they are variables of the locals object, or else globals.
  std::vector<std::string> assigned_free;
};

// Parses the statements of ejs::compile_body(). Fails (kUnsupported-like,
// ErrorKind::kTemplate) with a one-line reason for anything outside the
// subset, including syntax errors (the engine reports those).
Result<Program> parse_program(std::string_view source);

// Whether the native evaluator implements global `name` (undefined, NaN,
// Infinity, String, Number, Boolean, parseInt, isNaN).
bool is_native_global(std::string_view name);
// Whether the engine's global object (SpiderMonkey 102 + the prelude) has
// `name`; the native path does not implement these, so a template reading
// one needs the engine.
bool is_engine_global(std::string_view name);
// Whether `name` is a property of Object.prototype (found through `with`
// and on every object, so the native path leaves it to the engine).
bool is_object_prototype_name(std::string_view name);
// Method names the evaluator implements on strings, arrays and the `h`
// helper objects.
bool is_known_method(std::string_view name);

}  // namespace hypergen::ejs::subset
