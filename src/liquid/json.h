#pragma once
// JSON text ⇄ Value. Parse errors are kData errors naming line:column.

#include <string>
#include <string_view>

#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::liquid {

// `source_name` is used in error messages (a file name, or "<stdin>").
Result<Value> parse_json(std::string_view text, std::string_view source_name);

// Compact JSON for a value (as JSON.stringify would print it; NaN/Infinity
// become null).
std::string to_json(const Value& value, int indent = -1);

// Appends `s` as a JSON string literal (JSON.stringify of a string: quotes,
// backslash escapes, \u00XX for other control characters, everything else
// as is).
void append_json_string(std::string& out, std::string_view s);

}  // namespace hypergen::liquid
