#pragma once
// Conditions of template.yml (`when:` of variables and steps, `condition:` of
// includes): a small, safe expression language over the variable values —
// no JavaScript, no textual substitution. Grammar (JavaScript's precedence):
//
//   cond ? a : b     a || b    a && b    !a    -a
//   == != === !==  (== treats null and undefined alike; no other coercion)
//   < <= > >=      + - * / %  (+ joins when either side is a string)
//   literals: 12, 1.5, 'text', "text", true, false, null, undefined, [a, b]
//   names:    ident, a.b, a[0], a['key']
//   methods:  .includes(x) .startsWith(s) .endsWith(s) (strings, arrays),
//             .length (strings, arrays, objects)
//
// An unknown name is undefined (nil); `&&`/`||` return an operand, as in
// JavaScript. Errors (syntax, unknown method) carry the 1-based column.

#include <string_view>

#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::manifest {

// Evaluates `text` with `scope` (an object) as the variables.
Result<liquid::Value> evaluate(std::string_view text, const liquid::Value& scope);

// evaluate() then JavaScript truthiness.
Result<bool> evaluate_condition(std::string_view text, const liquid::Value& scope);

// Checks the syntax only (every name undefined). kData error with a column.
Status check_expression(std::string_view text);

}  // namespace hypergen::manifest
