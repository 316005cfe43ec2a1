#include "ejs/native_value.h"

#include "liquid/unicode.h"
#include "liquid/value.h"

namespace hypergen::ejs::native {

std::u16string to_utf16(std::string_view s) {
  std::u16string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char16_t>(c);
      ++i;
      continue;
    }
    char32_t cp = liquid::utf8_decode(s, i);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out += static_cast<char16_t>(0xD800 + (cp >> 10));
      out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

bool from_utf16(std::u16string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 1 >= s.size() || s[i + 1] < 0xDC00 || s[i + 1] > 0xDFFF) return false;
      c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      return false;
    }
    liquid::utf8_append(out, c);
  }
  return true;
}

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string number_to_string(double d) {
  return liquid::format_number(d);
}

double string_to_number(std::string_view s) {
  if (is_ascii(s)) return liquid::parse_js_number(s);
  std::u16string u = to_utf16(s);
  std::size_t b = 0, e = u.size();
  while (b < e && liquid::is_js_space(u[b])) ++b;
  while (e > b && liquid::is_js_space(u[e - 1])) --e;
  std::string trimmed;
  if (!from_utf16(std::u16string_view(u).substr(b, e - b), trimmed)) {
    return liquid::parse_js_number("x");  // NaN
  }
  return liquid::parse_js_number(trimmed);
}

}  // namespace hypergen::ejs::native
