#pragma once
// Liquid parser: tokens (liquid/lexer.h) → the immutable AST of template.h.
// Filters are resolved here, through the Engine, so an unknown filter or a
// wrong number of filter arguments is a parse error, and the renderer calls
// filters through a pointer without looking anything up.

#include <memory>
#include <string>
#include <string_view>

#include "liquid/template.h"
#include "util/result.h"

namespace hypergen::liquid {

class Engine;

// Parses `source` (copied into the Template, which the AST views into).
// Errors have kind kTemplate, where = {name, line, column} and a caret
// excerpt as context.
Result<std::shared_ptr<const Template>> parse_template(const Engine& engine,
                                                       std::string_view source, std::string name);

// Parses `source` as one filtered expression (`p.price > 10`,
// `i | modulo: 2`): a template whose root is a single OutputNode. For the
// *_exp filters when their expression is computed at render time.
Result<std::shared_ptr<const Template>> parse_expression_template(const Engine& engine,
                                                                  std::string_view source,
                                                                  std::string name);

}  // namespace hypergen::liquid
