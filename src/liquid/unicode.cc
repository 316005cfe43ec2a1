#include "liquid/unicode.h"

#include <algorithm>
#include <cstdint>

namespace hypergen::liquid {

namespace {

struct CodeRange {
  char32_t first;
  char32_t last;
};
// `count` code points start, start+stride, … map to cp + delta.
struct CaseRun {
  char32_t start;
  std::uint16_t count;
  std::uint8_t stride;
  std::int32_t delta;
};
struct SpecialCase {
  char32_t cp;
  const char* utf8;
};

// Regenerate with the Node script described in the report of the change that
// added this file: it walks every code point and records \p{…} membership and
// String.prototype.toUpperCase/toLowerCase results.
#include "liquid/unicode_tables.inc"

template <std::size_t N>
bool in_ranges(const CodeRange (&ranges)[N], char32_t cp) {
  auto it = std::upper_bound(std::begin(ranges), std::end(ranges), cp,
                             [](char32_t c, const CodeRange& r) { return c < r.first; });
  if (it == std::begin(ranges)) return false;
  --it;
  return cp <= it->last;
}

template <std::size_t N, std::size_t M>
void append_mapped(std::string& out, char32_t cp, const CaseRun (&runs)[N],
                   const SpecialCase (&special)[M]) {
  auto sp = std::lower_bound(std::begin(special), std::end(special), cp,
                             [](const SpecialCase& s, char32_t c) { return s.cp < c; });
  if (sp != std::end(special) && sp->cp == cp) {
    out += sp->utf8;
    return;
  }
  auto it = std::upper_bound(std::begin(runs), std::end(runs), cp,
                             [](char32_t c, const CaseRun& r) { return c < r.start; });
  if (it != std::begin(runs)) {
    --it;
    char32_t offset = cp - it->start;
    if (offset % it->stride == 0 && offset / it->stride < it->count) {
      utf8_append(out, static_cast<char32_t>(static_cast<std::int64_t>(cp) + it->delta));
      return;
    }
  }
  utf8_append(out, cp);
}

bool is_cased(char32_t cp) {
  return is_upper(cp) || is_lower(cp) || cp == 0x1C5 || cp == 0x1C8 || cp == 0x1CB || cp == 0x1F2;
}

// An approximation of Unicode's Case_Ignorable: the ASCII/Latin-1 members,
// general punctuation apostrophes and combining marks.
bool is_case_ignorable(char32_t cp) {
  switch (cp) {
    case '\'':
    case '.':
    case ':':
    case '^':
    case '`':
    case 0xA8:
    case 0xAD:
    case 0xAF:
    case 0xB4:
    case 0xB7:
    case 0xB8:
    case 0x2018:
    case 0x2019:
    case 0x2024:
    case 0x2027:
      return true;
    default:
      return is_mark(cp) || (cp >= 0x200B && cp <= 0x200F);
  }
}

bool is_final_sigma(std::string_view s, std::size_t start, std::size_t end) {
  bool before = false;
  for (std::size_t k = start; k > 0;) {
    --k;
    if ((static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) continue;
    std::size_t j = k;
    char32_t cp = utf8_decode(s, j);
    if (is_case_ignorable(cp)) continue;
    before = is_cased(cp);
    break;
  }
  if (!before) return false;
  for (std::size_t j = end; j < s.size();) {
    char32_t cp = utf8_decode(s, j);
    if (is_case_ignorable(cp)) continue;
    return !is_cased(cp);
  }
  return true;
}

}  // namespace

char32_t utf8_decode(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int extra;
  char32_t cp;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    extra = 1, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    extra = 2, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    extra = 3, cp = c & 0x07, min = 0x10000;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(extra) >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k <= extra; ++k) {
    unsigned char cc = byte(i + static_cast<std::size_t>(k));
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) {
    ++i;
    return 0xFFFD;
  }
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}

void utf8_append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t utf8_code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    utf8_decode(s, i);
    ++n;
  }
  return n;
}

std::size_t utf16_length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) n += utf8_decode(s, i) > 0xFFFF ? 2 : 1;
  return n;
}

std::size_t utf8_advance(std::string_view s, std::size_t from, std::size_t count) {
  std::size_t i = from;
  for (std::size_t k = 0; k < count && i < s.size(); ++k) utf8_decode(s, i);
  return i;
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return in_ranges(kLetterRanges, cp);
}
bool is_number(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return in_ranges(kNumberRanges, cp);
}
bool is_decimal(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return in_ranges(kDecimalRanges, cp);
}
bool is_mark(char32_t cp) {
  return cp >= 0x300 && in_ranges(kMarkRanges, cp);
}
bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return in_ranges(kUpperRanges, cp);
}
bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return in_ranges(kLowerRanges, cp);
}

bool is_js_space(char32_t cp) {
  switch (cp) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

void append_upper(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'a' && cp <= 'z' ? cp - 32 : cp);
    return;
  }
  append_mapped(out, cp, kToUpperRuns, kToUpperSpecial);
}

void append_lower(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    return;
  }
  append_mapped(out, cp, kToLowerRuns, kToLowerSpecial);
}

std::string to_upper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      ++i;
      continue;
    }
    append_upper(out, utf8_decode(s, i));
  }
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    std::size_t start = i;
    char32_t cp = utf8_decode(s, i);
    if (cp == 0x3A3) {
      // Final sigma (Unicode SpecialCasing): Σ preceded by a cased letter and
      // not followed by one, ignoring case-ignorable characters, becomes ς.
      utf8_append(out, is_final_sigma(s, start, i) ? 0x3C2 : 0x3C3);
      continue;
    }
    append_lower(out, cp);
  }
  return out;
}

}  // namespace hypergen::liquid
