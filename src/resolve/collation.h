#pragma once
// Hygen's template order: JavaScript `localeCompare` (ICU root collation) on
// absolute paths, spec §7.2. A primary pass over the whole strings (
// punctuation < digits < letters, letters case-folded, digits one at a time),
// then a tertiary pass where lower case sorts before upper case. Characters
// outside ASCII are ranked after the letters by code point — ICU would put
// accented letters beside their base letter; that is a known gap.

#include <string_view>

namespace hypergen::resolve {

// <0, 0 or >0 like strcmp.
int collate_compare(std::string_view a, std::string_view b);

inline bool collate_less(std::string_view a, std::string_view b) {
  return collate_compare(a, b) < 0;
}

}  // namespace hypergen::resolve
