// The filters code generation needs: change-case 3.1 conversions and the
// `inflection` 1.13.4 word forms (see case_convert.h and inflection.h).
// Each is registered under its snake_case name and its camelCase name.
#include <string>

#include "liquid/case_convert.h"
#include "liquid/filters_internal.h"
#include "liquid/inflection.h"

namespace hypergen::liquid::filters {

#define HG_STRING_FILTER(name, expr)                                                \
  Result<Value> name(const Value& input, const FilterArgs&, const FilterContext&) { \
    std::string s = stringify(input);                                               \
    return Value(expr);                                                             \
  }

HG_STRING_FILTER(camel_case, change_case::camel(s))
HG_STRING_FILTER(pascal_case, change_case::pascal(s))
HG_STRING_FILTER(snake_case, change_case::snake(s))
HG_STRING_FILTER(kebab_case, change_case::param(s))
HG_STRING_FILTER(constant_case, change_case::constant(s))
HG_STRING_FILTER(dot_case, change_case::dot(s))
HG_STRING_FILTER(path_case, change_case::path(s))
HG_STRING_FILTER(title_case, change_case::title(s))
HG_STRING_FILTER(sentence_case, change_case::sentence(s))
HG_STRING_FILTER(lower_first, change_case::lower_first(s))
HG_STRING_FILTER(upper_first, change_case::upper_first(s))
HG_STRING_FILTER(humanize, inflection::humanize(s))
HG_STRING_FILTER(titleize, inflection::titleize(s))

#undef HG_STRING_FILTER

// pluralize/singularize take an optional override word, as inflection does.
Result<Value> pluralize(const Value& input, const FilterArgs& args, const FilterContext&) {
  const Value* override_word = args.at(0);
  return Value(inflection::pluralize(
      stringify(input), override_word && override_word->truthy() ? stringify(*override_word) : ""));
}

Result<Value> singularize(const Value& input, const FilterArgs& args, const FilterContext&) {
  const Value* override_word = args.at(0);
  return Value(inflection::singularize(
      stringify(input), override_word && override_word->truthy() ? stringify(*override_word) : ""));
}

}  // namespace hypergen::liquid::filters
