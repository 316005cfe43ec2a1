// Miscellaneous LiquidJS filters: default, json/jsonify, inspect, raw,
// to_integer.
#include <algorithm>
#include <cmath>
#include <string>

#include "liquid/filters_internal.h"
#include "liquid/json.h"

namespace hypergen::liquid::filters {

namespace {

// JSON.stringify's `space` argument: a number of spaces, clamped to 10.
int json_indent(const Value* space) {
  if (space == nullptr) return -1;
  double n = to_number(space);
  if (n < 1) return -1;
  return static_cast<int>(std::min(10.0, std::floor(n)));
}

}  // namespace

Result<Value> default_(const Value& input, const FilterArgs& args, const FilterContext&) {
  Value fallback = args.at(0) ? *args.at(0) : Value();
  if (input.is_string() || input.is_array()) return input.is_empty() ? fallback : input;
  if (input.is_bool() && !input.as_bool()) {
    const Value* allow_false = args.named_arg("allow_false");
    if (allow_false && allow_false->truthy()) return input;
  }
  return input.truthy() ? input : fallback;
}

Result<Value> json(const Value& input, const FilterArgs& args, const FilterContext&) {
  return Value(to_json(input, json_indent(args.at(0))));
}

// Values cannot be circular here, so inspect is json.
Result<Value> inspect(const Value& input, const FilterArgs& args, const FilterContext&) {
  return Value(to_json(input, json_indent(args.at(0))));
}

Result<Value> raw(const Value& input, const FilterArgs&, const FilterContext&) {
  return input;
}

// LiquidJS: Number(value) (so "3.7" stays 3.7 and "abc" is NaN).
Result<Value> to_integer(const Value& input, const FilterArgs&, const FilterContext&) {
  return number_value(input.to_number());
}

}  // namespace hypergen::liquid::filters
