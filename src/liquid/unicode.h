#pragma once
// Small Unicode toolkit for the filters and the case converters: UTF-8
// decoding/encoding, JavaScript-compatible lengths (UTF-16 units), the
// character classes change-case and slugify rely on (letters, numbers,
// upper/lower case, JS `\s`), and full case mapping as JavaScript's
// toUpperCase()/toLowerCase() do it (locale-independent, including the
// multi-character mappings such as ß → SS and the Greek final sigma).
//
// The tables in unicode_tables.inc are generated from Node's Unicode data (no
// ICU at run time); invalid UTF-8 bytes decode to U+FFFD one byte at a time.

#include <cstddef>
#include <string>
#include <string_view>

namespace hypergen::liquid {

// Decodes the code point starting at byte `i` and advances `i` past it.
char32_t utf8_decode(std::string_view s, std::size_t& i);
void utf8_append(std::string& out, char32_t cp);

// Number of code points / UTF-16 units (what JS `.length` returns).
std::size_t utf8_code_points(std::string_view s);
std::size_t utf16_length(std::string_view s);
// Byte offset reached after skipping `count` code points from byte `from`.
std::size_t utf8_advance(std::string_view s, std::size_t from, std::size_t count);

bool is_letter(char32_t cp);    // \p{L}
bool is_number(char32_t cp);    // \p{N}
bool is_decimal(char32_t cp);   // \p{Nd}
bool is_mark(char32_t cp);      // \p{M}
bool is_upper(char32_t cp);     // \p{Lu}
bool is_lower(char32_t cp);     // \p{Ll}
bool is_js_space(char32_t cp);  // JavaScript regex \s

// Appends the JS upper/lower-case form of one code point (may be several).
void append_upper(std::string& out, char32_t cp);
void append_lower(std::string& out, char32_t cp);

// String.prototype.toUpperCase / toLowerCase on UTF-8 text.
std::string to_upper(std::string_view s);
std::string to_lower(std::string_view s);

// ASCII-only helpers.
inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace hypergen::liquid
