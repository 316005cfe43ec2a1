#pragma once
// Template error reporting: turns a byte offset into line/column and builds
// the "offending line + caret" excerpt every Liquid error carries.
//
// The hot path (lexer, parser, renderer) only tracks byte offsets; line and
// column are computed here, once, when an error is actually reported.

#include <cstddef>
#include <string>
#include <string_view>

#include "util/result.h"

namespace hypergen::liquid {

// An error found while lexing or parsing, before it is tied to a template
// name: what went wrong and where (byte offset into the source).
struct SourceError {
  std::string message;
  std::size_t offset = 0;
};

struct LineColumn {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, counted in Unicode code points
};

LineColumn line_column(std::string_view source, std::size_t offset);

// The line containing `offset`, prefixed by its number, and a caret line
// under the column:
//     3 | {% iff x %}
//       |    ^
std::string caret_excerpt(std::string_view source, std::size_t offset);

// A kTemplate Error with where = {name, line, column} and the caret excerpt.
Error template_error(std::string_view source, std::string_view name, std::size_t offset,
                     std::string message);

}  // namespace hypergen::liquid
