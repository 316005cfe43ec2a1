#pragma once
// Shared by the filters_*.cc files (not part of the engine's interface): the
// declarations of every built-in filter function, listed in filters.cc's
// table, and the JavaScript-flavoured helpers they share (LiquidJS's
// stringify/toNumber/toArray, JS String(), JS `<`, property paths).

#include <string>
#include <string_view>

#include "liquid/filter.h"
#include "liquid/value.h"
#include "util/result.h"

namespace hypergen::liquid::filters {

#define HG_DECLARE_FILTER(name) \
  Result<Value> name(const Value& input, const FilterArgs& args, const FilterContext& ctx)

// ---- helpers ----------------------------------------------------------------

// A filter failure: kind kTemplate, message only (the renderer locates it).
tl::unexpected<Error> filter_error(std::string message);

// LiquidJS stringify(): nil → "", arrays concatenated, numbers as JS prints them.
inline std::string stringify(const Value& v) {
  return v.to_output();
}
inline std::string stringify(const Value* v) {
  return v ? v->to_output() : std::string();
}
// JavaScript String(v): like stringify, but arrays join their elements with ",".
std::string js_string(const Value& v);
// LiquidJS toNumber(): +v, with NaN → 0; a missing argument is 0.
double to_number(const Value* v);
// A JS number as a Value: integral values in the safe range become ints.
Value number_value(double d);
// LiquidJS toArray(): nil → [], an array as is, anything else → [v].
Array to_array(const Value& v);
// Reads `key` from a value as LiquidJS's readProperty does (array indexes,
// including negative ones, and the size/first/last pseudo-properties).
Value get_property(const Value& v, std::string_view key);
// Evaluates a property path like "a.b", "a[0]" or "a['b c']" against `v`.
Value get_path(const Value& v, std::string_view path);
// JavaScript's `a < b` for two values (after ToPrimitive).
bool js_less(const Value& a, const Value& b);
// SameValueZero as JS Set/Map use it: arrays/objects by identity.
bool same_value_zero(const Value& a, const Value& b);
// LiquidJS `==` (strict equality; arrays element-wise).
bool liquid_equals(const Value& a, const Value& b);

// ---- string (filters_string.cc) -----------------------------------------------
HG_DECLARE_FILTER(append);
HG_DECLARE_FILTER(array_to_sentence_string);
HG_DECLARE_FILTER(capitalize);
HG_DECLARE_FILTER(downcase);
HG_DECLARE_FILTER(lstrip);
HG_DECLARE_FILTER(normalize_whitespace);
HG_DECLARE_FILTER(number_of_words);
HG_DECLARE_FILTER(prepend);
HG_DECLARE_FILTER(remove);
HG_DECLARE_FILTER(remove_first);
HG_DECLARE_FILTER(remove_last);
HG_DECLARE_FILTER(replace);
HG_DECLARE_FILTER(replace_first);
HG_DECLARE_FILTER(replace_last);
HG_DECLARE_FILTER(rstrip);
HG_DECLARE_FILTER(split);
HG_DECLARE_FILTER(squish);
HG_DECLARE_FILTER(strip);
HG_DECLARE_FILTER(strip_newlines);
HG_DECLARE_FILTER(truncate);
HG_DECLARE_FILTER(truncatewords);
HG_DECLARE_FILTER(upcase);

// ---- html, url, base64, crypto (filters_html.cc) ------------------------------
HG_DECLARE_FILTER(base64_decode);
HG_DECLARE_FILTER(base64_encode);
HG_DECLARE_FILTER(cgi_escape);
HG_DECLARE_FILTER(escape);
HG_DECLARE_FILTER(escape_once);
HG_DECLARE_FILTER(hmac_sha256);
HG_DECLARE_FILTER(newline_to_br);
HG_DECLARE_FILTER(sha256);
HG_DECLARE_FILTER(slugify);
HG_DECLARE_FILTER(strip_html);
HG_DECLARE_FILTER(uri_escape);
HG_DECLARE_FILTER(url_decode);
HG_DECLARE_FILTER(url_encode);
HG_DECLARE_FILTER(xml_escape);

// ---- math (filters_math.cc) ---------------------------------------------------
HG_DECLARE_FILTER(abs);
HG_DECLARE_FILTER(at_least);
HG_DECLARE_FILTER(at_most);
HG_DECLARE_FILTER(ceil);
HG_DECLARE_FILTER(divided_by);
HG_DECLARE_FILTER(floor);
HG_DECLARE_FILTER(minus);
HG_DECLARE_FILTER(modulo);
HG_DECLARE_FILTER(plus);
HG_DECLARE_FILTER(round);
HG_DECLARE_FILTER(times);

// ---- array (filters_array.cc) -------------------------------------------------
HG_DECLARE_FILTER(compact);
HG_DECLARE_FILTER(concat);
HG_DECLARE_FILTER(find);
HG_DECLARE_FILTER(find_index);
HG_DECLARE_FILTER(first);
HG_DECLARE_FILTER(group_by);
HG_DECLARE_FILTER(has);
HG_DECLARE_FILTER(join);
HG_DECLARE_FILTER(last);
HG_DECLARE_FILTER(map);
HG_DECLARE_FILTER(pop);
HG_DECLARE_FILTER(push);
HG_DECLARE_FILTER(reject);
HG_DECLARE_FILTER(reverse);
HG_DECLARE_FILTER(sample);
HG_DECLARE_FILTER(shift);
HG_DECLARE_FILTER(size);
HG_DECLARE_FILTER(slice);
HG_DECLARE_FILTER(sort);
HG_DECLARE_FILTER(sort_natural);
HG_DECLARE_FILTER(sum);
HG_DECLARE_FILTER(uniq);
HG_DECLARE_FILTER(unshift);
HG_DECLARE_FILTER(where);

// ---- misc (filters_misc.cc) ---------------------------------------------------
HG_DECLARE_FILTER(default_);
HG_DECLARE_FILTER(inspect);
HG_DECLARE_FILTER(json);
HG_DECLARE_FILTER(raw);
HG_DECLARE_FILTER(to_integer);

// ---- date (filters_date.cc) ---------------------------------------------------
HG_DECLARE_FILTER(date);
HG_DECLARE_FILTER(date_to_long_string);
HG_DECLARE_FILTER(date_to_rfc822);
HG_DECLARE_FILTER(date_to_string);
HG_DECLARE_FILTER(date_to_xmlschema);

// ---- case and inflection (filters_case.cc) ------------------------------------
HG_DECLARE_FILTER(camel_case);
HG_DECLARE_FILTER(constant_case);
HG_DECLARE_FILTER(dot_case);
HG_DECLARE_FILTER(humanize);
HG_DECLARE_FILTER(kebab_case);
HG_DECLARE_FILTER(lower_first);
HG_DECLARE_FILTER(pascal_case);
HG_DECLARE_FILTER(path_case);
HG_DECLARE_FILTER(pluralize);
HG_DECLARE_FILTER(sentence_case);
HG_DECLARE_FILTER(singularize);
HG_DECLARE_FILTER(snake_case);
HG_DECLARE_FILTER(title_case);
HG_DECLARE_FILTER(titleize);
HG_DECLARE_FILTER(upper_first);

}  // namespace hypergen::liquid::filters
