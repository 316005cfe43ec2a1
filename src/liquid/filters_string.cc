// String filters, as LiquidJS 10 implements them (src/filters/string.ts).
// Lengths and positions count characters the way LiquidJS does: `truncate`
// and `slice` by code point, JS `.length` (UTF-16 units) where LiquidJS uses
// it. Multi-byte UTF-8 characters are never split.
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "liquid/filters_internal.h"
#include "liquid/unicode.h"

namespace hypergen::liquid::filters {

namespace {

// Byte offset of the first code point not satisfying `pred`.
template <typename Pred>
std::size_t skip_start(std::string_view s, Pred pred) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t next = i;
    if (!pred(utf8_decode(s, next))) break;
    i = next;
  }
  return i;
}

// Byte offset just past the last code point not satisfying `pred` (≥ from).
template <typename Pred>
std::size_t skip_end(std::string_view s, Pred pred, std::size_t from = 0) {
  std::size_t end = s.size();
  while (end > from) {
    std::size_t start = end - 1;
    while (start > from && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t j = start;
    if (!pred(utf8_decode(s, j))) break;
    end = start;
  }
  return end;
}

std::set<char32_t> char_set(const std::string& chars) {
  std::set<char32_t> set;
  for (std::size_t i = 0; i < chars.size();) set.insert(utf8_decode(chars, i));
  return set;
}

// LiquidJS tests `if (chars)`: a missing, nil, false, 0 or "" argument means
// "strip whitespace".
bool chars_given(const Value* v) {
  if (v == nullptr || !v->truthy()) return false;
  if (v->is_string()) return !v->as_string().empty();
  if (v->is_number()) return v->to_number() != 0 && !std::isnan(v->to_number());
  return true;
}

std::string strip_impl(const Value& input, const Value* chars, bool left, bool right) {
  std::string s = stringify(input);
  std::size_t start = 0;
  std::size_t end = s.size();
  if (chars_given(chars)) {
    std::set<char32_t> set = char_set(stringify(*chars));
    auto in_set = [&](char32_t cp) { return set.count(cp) > 0; };
    if (left) start = skip_start(s, in_set);
    if (right) end = skip_end(s, in_set, start);
  } else {
    if (left) start = skip_start(s, is_js_space);
    if (right) end = skip_end(s, is_js_space, start);
  }
  return s.substr(start, end - start);
}

// Splits into code points (JS "".split("") splits into UTF-16 units; we keep
// characters whole).
std::vector<std::string> split_chars(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    utf8_decode(s, i);
    out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

std::vector<std::string> split_by(std::string_view s, std::string_view sep) {
  if (sep.empty()) return split_chars(s);
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.emplace_back(s.substr(start));
      return out;
    }
    out.emplace_back(s.substr(start, pos - start));
    start = pos + sep.size();
  }
}

// str.replace(/\s+/g, replacement)
std::string collapse_spaces(std::string_view s, std::string_view replacement) {
  std::string out;
  out.reserve(s.size());
  bool in_space = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t cp = utf8_decode(s, i);
    if (is_js_space(cp)) {
      if (!in_space) out += replacement;
      in_space = true;
    } else {
      out.append(s.substr(start, i - start));
      in_space = false;
    }
  }
  return out;
}

// str.split(/\s+/)
std::vector<std::string> split_spaces(std::string_view s) {
  std::vector<std::string> out(1);
  bool in_space = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t cp = utf8_decode(s, i);
    if (is_js_space(cp)) {
      if (!in_space) out.emplace_back();
      in_space = true;
    } else {
      out.back().append(s.substr(start, i - start));
      in_space = false;
    }
  }
  return out;
}

std::string trim_js(std::string_view s) {
  std::size_t start = skip_start(s, is_js_space);
  std::size_t end = skip_end(s, is_js_space, start);
  return std::string(s.substr(start, end - start));
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x3040 && cp <= 0x309F) ||
         (cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

// A JS template literal's `${v}`: like String(v), but nil prints "null".
std::string template_string(const Value& v) {
  return v.is_nil() ? "null" : js_string(v);
}

}  // namespace

Result<Value> append(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = stringify(input);
  if (const Value* a = args.at(0)) a->append_output(s);
  return Value(std::move(s));
}

Result<Value> prepend(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = stringify(args.at(0));
  input.append_output(s);
  return Value(std::move(s));
}

Result<Value> capitalize(const Value& input, const FilterArgs&, const FilterContext&) {
  std::string s = stringify(input);
  if (s.empty()) return Value(std::move(s));
  std::size_t i = 0;
  char32_t cp = utf8_decode(s, i);
  std::string out;
  if (cp > 0xFFFF) {
    out = s.substr(0, i);  // charAt(0) of an astral character is half of it
  } else {
    append_upper(out, cp);
  }
  out += to_lower(std::string_view(s).substr(i));
  return Value(std::move(out));
}

Result<Value> downcase(const Value& input, const FilterArgs&, const FilterContext&) {
  return Value(to_lower(stringify(input)));
}

Result<Value> upcase(const Value& input, const FilterArgs&, const FilterContext&) {
  return Value(to_upper(stringify(input)));
}

Result<Value> lstrip(const Value& input, const FilterArgs& args, const FilterContext&) {
  return Value(strip_impl(input, args.at(0), true, false));
}

Result<Value> rstrip(const Value& input, const FilterArgs& args, const FilterContext&) {
  return Value(strip_impl(input, args.at(0), false, true));
}

Result<Value> strip(const Value& input, const FilterArgs& args, const FilterContext&) {
  return Value(strip_impl(input, args.at(0), true, true));
}

Result<Value> remove(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = stringify(input);
  std::string pattern = stringify(args.at(0));
  if (pattern.empty()) return Value(std::move(s));
  std::string out;
  for (const std::string& part : split_by(s, pattern)) out += part;
  return Value(std::move(out));
}

Result<Value> remove_first(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = stringify(input);
  std::string pattern = stringify(args.at(0));
  std::size_t pos = s.find(pattern);
  if (pos != std::string::npos) s.erase(pos, pattern.size());
  return Value(std::move(s));
}

Result<Value> remove_last(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = stringify(input);
  std::string pattern = stringify(args.at(0));
  std::size_t pos = s.rfind(pattern);
  if (pos != std::string::npos) s.erase(pos, pattern.size());
  return Value(std::move(s));
}

Result<Value> replace(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = stringify(input);
  std::string pattern = stringify(args.at(0));
  std::string replacement = stringify(args.at(1));
  std::vector<std::string> parts = split_by(s, pattern);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += replacement;
    out += parts[i];
  }
  return Value(std::move(out));
}

Result<Value> replace_first(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = stringify(input);
  std::string pattern = stringify(args.at(0));
  std::size_t pos = s.find(pattern);
  if (pos != std::string::npos) s.replace(pos, pattern.size(), stringify(args.at(1)));
  return Value(std::move(s));
}

Result<Value> replace_last(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = stringify(input);
  std::string pattern = stringify(args.at(0));
  std::size_t pos = s.rfind(pattern);
  if (pos != std::string::npos) s.replace(pos, pattern.size(), stringify(args.at(1)));
  return Value(std::move(s));
}

Result<Value> split(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = stringify(input);
  std::vector<std::string> parts = split_by(s, stringify(args.at(0)));
  // Like Ruby (Shopify Liquid): trailing empty strings are dropped.
  while (!parts.empty() && parts.back().empty()) parts.pop_back();
  Array out;
  out.reserve(parts.size());
  for (std::string& p : parts) out.emplace_back(std::move(p));
  return Value(std::move(out));
}

Result<Value> strip_newlines(const Value& input, const FilterArgs&, const FilterContext&) {
  std::string s = stringify(input);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') continue;
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    out += s[i];
  }
  return Value(std::move(out));
}

Result<Value> squish(const Value& input, const FilterArgs&, const FilterContext&) {
  return Value(trim_js(collapse_spaces(stringify(input), " ")));
}

Result<Value> normalize_whitespace(const Value& input, const FilterArgs&, const FilterContext&) {
  return Value(collapse_spaces(stringify(input), " "));
}

Result<Value> truncate(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = stringify(input);
  double limit = args.at(0) ? to_number(args.at(0)) : 50;
  std::string ellipsis = args.at(1) ? stringify(*args.at(1)) : std::string("...");
  double length = static_cast<double>(utf16_length(s));
  auto advance = [&](double count) {
    return count <= 0 ? 0 : utf8_advance(s, 0, static_cast<std::size_t>(std::ceil(count)));
  };
  if (length <= limit || advance(limit) >= s.size()) return input;
  double keep = std::max(limit - static_cast<double>(utf8_code_points(ellipsis)), 0.0);
  return Value(s.substr(0, advance(keep)) + ellipsis);
}

Result<Value> truncatewords(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = stringify(input);
  double words = args.at(0) ? to_number(args.at(0)) : 15;
  std::string ellipsis = args.at(1) ? stringify(*args.at(1)) : std::string("...");
  std::vector<std::string> parts = split_spaces(s.substr(skip_start(s, is_js_space)));
  if (words <= 0) words = 1;
  std::size_t take = static_cast<std::size_t>(std::min(std::trunc(words), 1e9));
  std::string out;
  for (std::size_t i = 0; i < parts.size() && i < take; ++i) {
    if (i) out += ' ';
    out += parts[i];
  }
  if (static_cast<double>(parts.size()) >= words) out += ellipsis;
  return Value(std::move(out));
}

Result<Value> number_of_words(const Value& input, const FilterArgs& args, const FilterContext&) {
  std::string s = trim_js(stringify(input));
  if (s.empty()) return Value(0);
  std::string mode = stringify(args.at(0));
  if (mode == "cjk" || mode == "auto") {
    std::int64_t cjk = 0;
    std::int64_t words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < s.size();) {
      char32_t cp = utf8_decode(s, i);
      if (is_cjk(cp)) {
        ++cjk;
        in_word = false;
      } else if (is_js_space(cp)) {
        in_word = false;
      } else {
        if (!in_word) ++words;
        in_word = true;
      }
    }
    if (mode == "cjk" || cjk > 0) return Value(cjk + words);
  }
  return Value(static_cast<std::int64_t>(split_spaces(s).size()));
}

Result<Value> array_to_sentence_string(const Value& input, const FilterArgs& args,
                                       const FilterContext&) {
  Array array = to_array(input);
  std::string connector = args.at(0) ? stringify(*args.at(0)) : std::string("and");
  switch (array.size()) {
    case 0:
      return Value("");
    case 1:
      return array[0];
    case 2:
      return Value(template_string(array[0]) + " " + connector + " " + template_string(array[1]));
    default: {
      std::string out;
      for (std::size_t i = 0; i + 1 < array.size(); ++i) {
        if (i) out += ", ";
        if (!array[i].is_nil()) out += js_string(array[i]);
      }
      out += ", " + connector + " " + template_string(array.back());
      return Value(std::move(out));
    }
  }
}

}  // namespace hypergen::liquid::filters
