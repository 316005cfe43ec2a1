// The built-in filter table: LiquidJS 10's standard filters plus the case and
// inflection filters code generation needs (each under its snake_case and its
// camelCase name). Implementations live in filters_*.cc by family; see
// filters_internal.h. Argument counts are checked at parse time against
// min_args/max_args (positional arguments only; `key: value` arguments such
// as default's allow_false are not counted).
//
// Not provided: the *_exp filters (where_exp, reject_exp, group_by_exp,
// has_exp, find_exp, find_index_exp), which evaluate a Liquid expression per
// item and so belong to the renderer, not to a plain filter function.
#include <algorithm>
#include <array>

#include "liquid/filter.h"
#include "liquid/filters_internal.h"

namespace hypergen::liquid {

namespace {

// Sorted by name in byte order (checked by a unit test) for binary search.
constexpr std::array kFilters = {
    FilterEntry{"abs", filters::abs, 0, 0},
    FilterEntry{"append", filters::append, 1, 1},
    FilterEntry{"array_to_sentence_string", filters::array_to_sentence_string, 0, 1},
    FilterEntry{"at_least", filters::at_least, 1, 1},
    FilterEntry{"at_most", filters::at_most, 1, 1},
    FilterEntry{"base64_decode", filters::base64_decode, 0, 0},
    FilterEntry{"base64_encode", filters::base64_encode, 0, 0},
    FilterEntry{"camelCase", filters::camel_case, 0, 0},
    FilterEntry{"camel_case", filters::camel_case, 0, 0},
    FilterEntry{"capitalize", filters::capitalize, 0, 0},
    FilterEntry{"ceil", filters::ceil, 0, 0},
    FilterEntry{"cgi_escape", filters::cgi_escape, 0, 0},
    FilterEntry{"compact", filters::compact, 0, 0},
    FilterEntry{"concat", filters::concat, 0, 1},
    FilterEntry{"constantCase", filters::constant_case, 0, 0},
    FilterEntry{"constant_case", filters::constant_case, 0, 0},
    FilterEntry{"date", filters::date, 0, 2},
    FilterEntry{"date_to_long_string", filters::date_to_long_string, 0, 2},
    FilterEntry{"date_to_rfc822", filters::date_to_rfc822, 0, 0},
    FilterEntry{"date_to_string", filters::date_to_string, 0, 2},
    FilterEntry{"date_to_xmlschema", filters::date_to_xmlschema, 0, 0},
    FilterEntry{"default", filters::default_, 0, 1},
    FilterEntry{"divided_by", filters::divided_by, 1, 2},
    FilterEntry{"dotCase", filters::dot_case, 0, 0},
    FilterEntry{"dot_case", filters::dot_case, 0, 0},
    FilterEntry{"downcase", filters::downcase, 0, 0},
    FilterEntry{"escape", filters::escape, 0, 0},
    FilterEntry{"escape_once", filters::escape_once, 0, 0},
    FilterEntry{"find", filters::find, 1, 2},
    FilterEntry{"find_index", filters::find_index, 1, 2},
    FilterEntry{"first", filters::first, 0, 0},
    FilterEntry{"floor", filters::floor, 0, 0},
    FilterEntry{"group_by", filters::group_by, 1, 1},
    FilterEntry{"has", filters::has, 1, 2},
    FilterEntry{"hmac_sha256", filters::hmac_sha256, 1, 1},
    FilterEntry{"humanize", filters::humanize, 0, 0},
    FilterEntry{"inspect", filters::inspect, 0, 1},
    FilterEntry{"join", filters::join, 0, 1},
    FilterEntry{"json", filters::json, 0, 1},
    FilterEntry{"jsonify", filters::json, 0, 1},
    FilterEntry{"kebabCase", filters::kebab_case, 0, 0},
    FilterEntry{"kebab_case", filters::kebab_case, 0, 0},
    FilterEntry{"last", filters::last, 0, 0},
    FilterEntry{"lowerFirst", filters::lower_first, 0, 0},
    FilterEntry{"lower_first", filters::lower_first, 0, 0},
    FilterEntry{"lstrip", filters::lstrip, 0, 1},
    FilterEntry{"map", filters::map, 1, 1},
    FilterEntry{"minus", filters::minus, 1, 1},
    FilterEntry{"modulo", filters::modulo, 1, 1},
    FilterEntry{"newline_to_br", filters::newline_to_br, 0, 0},
    FilterEntry{"normalize_whitespace", filters::normalize_whitespace, 0, 0},
    FilterEntry{"number_of_words", filters::number_of_words, 0, 1},
    FilterEntry{"paramCase", filters::kebab_case, 0, 0},
    FilterEntry{"param_case", filters::kebab_case, 0, 0},
    FilterEntry{"pascalCase", filters::pascal_case, 0, 0},
    FilterEntry{"pascal_case", filters::pascal_case, 0, 0},
    FilterEntry{"pathCase", filters::path_case, 0, 0},
    FilterEntry{"path_case", filters::path_case, 0, 0},
    FilterEntry{"pluralize", filters::pluralize, 0, 1},
    FilterEntry{"plus", filters::plus, 1, 1},
    FilterEntry{"pop", filters::pop, 0, 0},
    FilterEntry{"prepend", filters::prepend, 1, 1},
    FilterEntry{"push", filters::push, 1, 1},
    FilterEntry{"raw", filters::raw, 0, 0},
    FilterEntry{"reject", filters::reject, 1, 2},
    FilterEntry{"remove", filters::remove, 1, 1},
    FilterEntry{"remove_first", filters::remove_first, 1, 1},
    FilterEntry{"remove_last", filters::remove_last, 1, 1},
    FilterEntry{"replace", filters::replace, 1, 2},
    FilterEntry{"replace_first", filters::replace_first, 1, 2},
    FilterEntry{"replace_last", filters::replace_last, 1, 2},
    FilterEntry{"reverse", filters::reverse, 0, 0},
    FilterEntry{"round", filters::round, 0, 1},
    FilterEntry{"rstrip", filters::rstrip, 0, 1},
    FilterEntry{"sample", filters::sample, 0, 1},
    FilterEntry{"sentenceCase", filters::sentence_case, 0, 0},
    FilterEntry{"sentence_case", filters::sentence_case, 0, 0},
    FilterEntry{"sha256", filters::sha256, 0, 0},
    FilterEntry{"shift", filters::shift, 0, 0},
    FilterEntry{"singularize", filters::singularize, 0, 1},
    FilterEntry{"size", filters::size, 0, 0},
    FilterEntry{"slice", filters::slice, 1, 2},
    FilterEntry{"slugify", filters::slugify, 0, 2},
    FilterEntry{"snakeCase", filters::snake_case, 0, 0},
    FilterEntry{"snake_case", filters::snake_case, 0, 0},
    FilterEntry{"sort", filters::sort, 0, 1},
    FilterEntry{"sort_natural", filters::sort_natural, 0, 1},
    FilterEntry{"split", filters::split, 0, 1},
    FilterEntry{"squish", filters::squish, 0, 0},
    FilterEntry{"strip", filters::strip, 0, 1},
    FilterEntry{"strip_html", filters::strip_html, 0, 0},
    FilterEntry{"strip_newlines", filters::strip_newlines, 0, 0},
    FilterEntry{"sum", filters::sum, 0, 1},
    FilterEntry{"times", filters::times, 1, 1},
    FilterEntry{"titleCase", filters::title_case, 0, 0},
    FilterEntry{"title_case", filters::title_case, 0, 0},
    FilterEntry{"titleize", filters::titleize, 0, 0},
    FilterEntry{"to_integer", filters::to_integer, 0, 0},
    FilterEntry{"truncate", filters::truncate, 0, 2},
    FilterEntry{"truncatewords", filters::truncatewords, 0, 2},
    FilterEntry{"uniq", filters::uniq, 0, 0},
    FilterEntry{"unshift", filters::unshift, 1, 1},
    FilterEntry{"upcase", filters::upcase, 0, 0},
    FilterEntry{"upperFirst", filters::upper_first, 0, 0},
    FilterEntry{"upper_first", filters::upper_first, 0, 0},
    FilterEntry{"uri_escape", filters::uri_escape, 0, 0},
    FilterEntry{"url_decode", filters::url_decode, 0, 0},
    FilterEntry{"url_encode", filters::url_encode, 0, 0},
    FilterEntry{"where", filters::where, 1, 2},
    FilterEntry{"xml_escape", filters::xml_escape, 0, 0},
};

}  // namespace

std::span<const FilterEntry> builtin_filters() {
  return kFilters;
}

const FilterEntry* find_builtin_filter(std::string_view name) {
  auto it = std::lower_bound(kFilters.begin(), kFilters.end(), name,
                             [](const FilterEntry& e, std::string_view n) { return e.name < n; });
  return (it != kFilters.end() && it->name == name) ? &*it : nullptr;
}

}  // namespace hypergen::liquid
