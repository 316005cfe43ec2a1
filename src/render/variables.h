#pragma once
// The variables a Liquid template reads, found by scanning its tags (used by
// `hypergen help <generator>` to tell users which --flags an action takes).
// A lexical scan, not a parse: root names of expressions inside `{{ }}` and
// `{% %}`, minus keywords, filter names, names the template assigns itself
// (assign, capture, for, tablerow, increment) and string literals.

#include <set>
#include <string>
#include <string_view>

namespace hypergen::render {

std::set<std::string> scan_variables(std::string_view source);

}  // namespace hypergen::render
