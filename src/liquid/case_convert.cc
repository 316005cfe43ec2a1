#include "liquid/case_convert.h"

#include <vector>

#include "liquid/unicode.h"

namespace hypergen::liquid::change_case {

namespace {

// The JS regexes behind no-case are not Unicode-aware: astral characters are
// two UTF-16 units that belong to none of its classes.
bool bmp_word(char32_t cp) {
  return cp < 0x10000 && (is_letter(cp) || is_number(cp));
}
bool bmp_upper(char32_t cp) {
  return cp < 0x10000 && liquid::is_upper(cp);
}
bool bmp_lower(char32_t cp) {
  return cp < 0x10000 && liquid::is_lower(cp);
}

std::vector<char32_t> decode_all(std::string_view s) {
  std::vector<char32_t> cps;
  cps.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) cps.push_back(utf8_decode(s, i));
  return cps;
}

// Upper-cases the character after each position where `marker` is true
// (regex /^.|<sep>./g with an upper-cased match).
std::string upper_after(std::string_view s, char sep) {
  std::string out;
  out.reserve(s.size());
  bool up = true;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = utf8_decode(s, i);
    if (up && cp != '\n' && cp != '\r' && cp != 0x2028 && cp != 0x2029) {
      append_upper(out, cp);
    } else {
      utf8_append(out, cp);
    }
    up = cp == static_cast<char32_t>(sep);
  }
  return out;
}

}  // namespace

std::string no_case(std::string_view s, std::string_view replacement) {
  std::vector<char32_t> cps = decode_all(s);
  // 1. camelCase → "camel Case": (lower|digit)(upper).
  std::vector<char32_t> a;
  a.reserve(cps.size() + 8);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    a.push_back(cps[i]);
    if (i + 1 < cps.size() && (bmp_lower(cps[i]) || (cps[i] < 0x10000 && is_decimal(cps[i]))) &&
        bmp_upper(cps[i + 1])) {
      a.push_back(' ');
    }
  }
  // 2. CAMELCase → "CAMEL Case": (upper)(upper lower), matches consume 3.
  std::vector<char32_t> b;
  b.reserve(a.size() + 8);
  for (std::size_t i = 0; i < a.size();) {
    if (i + 2 < a.size() && bmp_upper(a[i]) && bmp_upper(a[i + 1]) && bmp_lower(a[i + 2])) {
      b.push_back(a[i]);
      b.push_back(' ');
      b.push_back(a[i + 1]);
      b.push_back(a[i + 2]);
      i += 3;
    } else {
      b.push_back(a[i]);
      ++i;
    }
  }
  // 3. Runs of non-word characters become the replacement, dropped at the ends.
  std::string joined;
  joined.reserve(b.size() + 8);
  for (std::size_t i = 0; i < b.size();) {
    if (bmp_word(b[i])) {
      utf8_append(joined, b[i]);
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < b.size() && !bmp_word(b[i])) ++i;
    if (start != 0 && i != b.size()) joined += replacement;
  }
  // 4. Lower-case everything.
  return to_lower(joined);
}

std::string camel(std::string_view s, bool merge_numbers) {
  std::string words = no_case(s);
  std::string out;
  out.reserve(words.size());
  for (std::size_t i = 0; i < words.size();) {
    if (words[i] == ' ' && i + 1 < words.size()) {
      char next = words[i + 1];
      if (!merge_numbers && next >= '0' && next <= '9') {
        out += '_';
        ++i;
        continue;
      }
      // " (.)" → upper-cased character.
      std::size_t j = i + 1;
      char32_t cp = utf8_decode(words, j);
      if (cp > 0xFFFF) {
        out.append(words, i + 1, j - i - 1);
      } else {
        append_upper(out, cp);
      }
      i = j;
      continue;
    }
    out += words[i];
    ++i;
  }
  return out;
}

std::string pascal(std::string_view s, bool merge_numbers) {
  return upper_first(camel(s, merge_numbers));
}
std::string snake(std::string_view s) {
  return no_case(s, "_");
}
std::string param(std::string_view s) {
  return no_case(s, "-");
}
std::string constant(std::string_view s) {
  return to_upper(snake(s));
}
std::string dot(std::string_view s) {
  return no_case(s, ".");
}
std::string path(std::string_view s) {
  return no_case(s, "/");
}
std::string header(std::string_view s) {
  return upper_after(no_case(s, "-"), '-');
}
std::string sentence(std::string_view s) {
  return upper_first(no_case(s));
}
std::string title(std::string_view s) {
  return upper_after(no_case(s), ' ');
}
std::string lower(std::string_view s) {
  return to_lower(s);
}
std::string upper(std::string_view s) {
  return to_upper(s);
}

std::string lower_first(std::string_view s) {
  if (s.empty()) return {};
  std::size_t i = 0;
  char32_t cp = utf8_decode(s, i);
  if (cp > 0xFFFF) return std::string(s);
  std::string out;
  append_lower(out, cp);
  out.append(s.substr(i));
  return out;
}

std::string upper_first(std::string_view s) {
  if (s.empty()) return {};
  std::size_t i = 0;
  char32_t cp = utf8_decode(s, i);
  if (cp > 0xFFFF) return std::string(s);
  std::string out;
  append_upper(out, cp);
  out.append(s.substr(i));
  return out;
}

std::string swap(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t cp = utf8_decode(s, i);
    if (cp > 0xFFFF) {
      out.append(s.substr(start, i - start));
      continue;
    }
    std::string up;
    append_upper(up, cp);
    std::string_view orig = s.substr(start, i - start);
    if (up == orig) {
      append_lower(out, cp);
    } else {
      out += up;
    }
  }
  return out;
}

bool is_upper(std::string_view s) {
  return to_upper(s) == s;
}
bool is_lower(std::string_view s) {
  return to_lower(s) == s;
}

}  // namespace hypergen::liquid::change_case
