#pragma once
// Case conversion exactly as the JavaScript package change-case 3.1.0 (and its
// no-case 2.3.2 word splitter) does it, on UTF-8 strings. Hygen templates call
// these as `h.changeCase.*` and Hypergen's Liquid filters (`camel_case`,
// `snake_case`, …) use them too, so both engines split words identically:
//
//   no_case("XMLHttpRequest")  == "xml http request"
//   camel("version 2 beta")    == "version_2Beta"
//   snake("user_ID")           == "user_id"
//
// Word splitting (no_case): a space goes between a lower-case letter or digit
// and a following upper-case letter, and between an upper-case letter and a
// following upper+lower pair; every run of characters that are neither
// letters nor numbers becomes the replacement (removed at either end); then
// everything is lower-cased. Like the JS original (whose regexes are not
// Unicode-aware), characters outside the Basic Multilingual Plane count as
// non-word characters. The locale argument of the JS functions (tr/az/lt) is
// not supported.

#include <string>
#include <string_view>

namespace hypergen::liquid::change_case {

std::string no_case(std::string_view s, std::string_view replacement = " ");
// merge_numbers = false: a space before a digit becomes "_" ("v1.2" → "v1_2").
std::string camel(std::string_view s, bool merge_numbers = false);
std::string pascal(std::string_view s, bool merge_numbers = false);
std::string snake(std::string_view s);
std::string param(std::string_view s);  // also "kebab" / "hyphen"
inline std::string kebab(std::string_view s) {
  return param(s);
}
std::string constant(std::string_view s);
std::string dot(std::string_view s);
std::string path(std::string_view s);
std::string header(std::string_view s);
std::string sentence(std::string_view s);
std::string title(std::string_view s);
std::string lower(std::string_view s);
std::string upper(std::string_view s);
// First UTF-16 unit only (a character outside the BMP is left alone).
std::string lower_first(std::string_view s);
std::string upper_first(std::string_view s);
std::string swap(std::string_view s);
bool is_upper(std::string_view s);
bool is_lower(std::string_view s);

}  // namespace hypergen::liquid::change_case
