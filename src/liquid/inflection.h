#pragma once
// English inflection exactly as the JavaScript package `inflection` 1.13.4
// does it (Hygen exposes it as `h.inflection`; the Liquid filters
// `pluralize`, `singularize`, `humanize` and `titleize` use it too):
//
//   pluralize("person") == "people"    pluralize("Person") == "People"
//   singularize("octopi") == "octopi"  tableize("UserAccount") == "user_accounts"
//
// The plural/singular rule tables are the package's regexes, kept verbatim
// and run by a tiny case-insensitive backtracking matcher (anchors, groups,
// alternation, character classes) so they can be compared with the source.
// Like the original, everything works on the input's characters without any
// locale; non-ASCII letters pass through the rules untouched.

#include <string>
#include <string_view>

#include "util/result.h"

namespace hypergen::liquid::inflection {

// `override_word` non-empty: returned as is (the JS optional argument).
std::string pluralize(std::string_view s, std::string_view override_word = {});
std::string singularize(std::string_view s, std::string_view override_word = {});
// parseFloat(count): NaN → s unchanged; 1 → singular; otherwise plural.
std::string inflect(std::string_view s, std::string_view count, std::string_view singular = {},
                    std::string_view plural = {});
bool is_uncountable(std::string_view s);

std::string camelize(std::string_view s, bool low_first_letter = false);
std::string underscore(std::string_view s, bool all_upper_case = false);
std::string humanize(std::string_view s, bool low_first_letter = false);
std::string capitalize(std::string_view s);
std::string dasherize(std::string_view s);
std::string titleize(std::string_view s);
std::string demodulize(std::string_view s);
std::string tableize(std::string_view s);
std::string classify(std::string_view s);
std::string foreign_key(std::string_view s, bool drop_id_underscore = false);
std::string ordinalize(std::string_view s);
// Hygen's addition: "foo-bar_baz" → "FooBarBaz"; an empty word (as in "a--b")
// is an error, as the JS version throws.
Result<std::string> undasherize(std::string_view s);

}  // namespace hypergen::liquid::inflection
