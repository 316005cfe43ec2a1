#include "frontmatter/frontmatter.h"
#include "util/scan.h"

#include <cmath>
#include <cstdio>
#include <regex>
#include <set>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace hypergen::frontmatter {

using liquid::Array;
using liquid::Object;
using liquid::Value;

int Attributes::line_of(std::string_view key) const {
  auto it = lines.find(key);
  return it == lines.end() ? 0 : it->second;
}

namespace {

// Length of a JavaScript line terminator at `i` (\n, \r, U+2028, U+2029), or 0.
std::size_t terminator_at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return 0;
  if (t[i] == '\n' || t[i] == '\r') return 1;
  if (i + 2 < t.size() + 0 && static_cast<unsigned char>(t[i]) == 0xE2 &&
      static_cast<unsigned char>(t[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(t[i + 2]) == 0xA8 ||
       static_cast<unsigned char>(t[i + 2]) == 0xA9)) {
    return 3;
  }
  return 0;
}

// `$` in a multiline JS regex.
bool at_line_end(std::string_view t, std::size_t i) {
  return i == t.size() || terminator_at(t, i) > 0;
}

// Length of a JS `\s` character at `i`, or 0 (ASCII whitespace, NBSP, the
// Unicode line/paragraph separators, BOM and the common Unicode spaces).
std::size_t space_at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return 0;
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') return 1;
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) return 2;
  if (i + 2 < t.size()) {
    unsigned char c1 = static_cast<unsigned char>(t[i + 1]);
    unsigned char c2 = static_cast<unsigned char>(t[i + 2]);
    if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;  // U+FEFF
    if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF))
      return 3;                                           // U+2000..200A etc.
    if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;  // U+205F
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;  // U+3000
    if (c == 0xE1 && c1 == 0x9A && c2 == 0x80) return 3;  // U+1680
  }
  return 0;
}

std::vector<std::size_t> line_starts(std::string_view t) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < t.size();) {
    std::size_t n = terminator_at(t, i);
    if (n) {
      starts.push_back(i + n);
      i += n;
    } else {
      ++i;
    }
  }
  return starts;
}

int line_number_at(std::string_view t, std::size_t pos) {
  int line = 1;
  for (std::size_t i = 0; i < pos && i < t.size(); ++i) {
    if (t[i] == '\n') ++line;
  }
  return line;
}

std::string js_trim(std::string_view s, std::size_t* leading = nullptr) {
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t n = space_at(s, b);
    if (!n) break;
    b += n;
  }
  std::size_t e = s.size();
  while (e > b) {
    // Step back over one whitespace character (ASCII or multi-byte).
    bool found = false;
    for (std::size_t len = 1; len <= 3 && len <= e - b; ++len) {
      if (space_at(s, e - len) == len) {
        e -= len;
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  if (leading) *leading = b;
  return std::string(s.substr(b, e - b));
}

}  // namespace

Split split(std::string_view text) {
  Split result;
  result.body = std::string(text);
  // Step 1: the first line (up to the first \n, minus a \r) must contain a delimiter.
  std::string_view first = text.substr(0, text.find('\n'));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (first.empty() || (first.find("---") == std::string_view::npos &&
                        first.find("= yaml =") == std::string_view::npos)) {
    return result;
  }
  auto starts = line_starts(text);
  for (std::size_t si = 0; si < starts.size(); ++si) {
    std::size_t p = starts[si];
    std::size_t q = p;
    if (text.substr(q, 3) == "\xEF\xBB\xBF") q += 3;
    std::string_view delim;
    if (text.substr(q, 3) == "---") {
      delim = "---";
    } else if (text.substr(q, 8) == "= yaml =") {
      delim = "= yaml =";
    } else {
      continue;
    }
    q += delim.size();
    if (!at_line_end(text, q)) continue;
    for (std::size_t ri = si + 1; ri < starts.size(); ++ri) {
      std::size_t r = starts[ri];
      if (r <= q) continue;
      std::size_t s;
      if (text.substr(r, delim.size()) == delim) {
        s = r + delim.size();
      } else if (text.substr(r, 3) == "...") {
        s = r + 3;
      } else {
        continue;
      }
      // Greedy \s* then backtrack to the last position where `$` holds.
      std::vector<std::size_t> positions{s};
      std::size_t e = s;
      while (std::size_t n = space_at(text, e)) {
        e += n;
        positions.push_back(e);
      }
      std::size_t t = std::string_view::npos;
      for (auto it = positions.rbegin(); it != positions.rend(); ++it) {
        if (at_line_end(text, *it)) {
          t = *it;
          break;
        }
      }
      if (t == std::string_view::npos) continue;
      std::size_t end = t + (t < text.size() && text[t] == '\n' ? 1 : 0);
      std::string_view matched = text.substr(p, end - p);
      std::string_view inner = text.substr(q, r - q);
      std::size_t leading = 0;
      result.has_frontmatter = true;
      result.yaml = js_trim(inner, &leading);
      result.yaml_line = line_number_at(text, q + leading);
      std::size_t at = text.find(matched);  // String.replace: first occurrence
      result.body = std::string(text.substr(0, at)) + std::string(text.substr(at + matched.size()));
      result.body_line = at == 0 ? line_number_at(text, end) : 1;
      return result;
    }
  }
  return result;
}

namespace {

bool is_oct(char c) {
  return c >= '0' && c <= '7';
}
bool is_dec(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_dec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// js-yaml 3 resolveYamlInteger.
// `(:[0-5]?[0-9])+` matching the whole of `tail` (js-yaml's base-60 part).
bool is_base60_tail(std::string_view tail) {
  Scanner sc(tail);
  bool any = false;
  while (sc.eat(':')) {
    std::size_t digits = sc.eat_digits();
    if (digits == 0 || digits > 2) return false;
    if (digits == 2 && tail[sc.pos() - 2] > '5') return false;
    any = true;
  }
  return any && sc.at_end();
}

// js-yaml 3's YAML_FLOAT_PATTERN, matched by hand (std::regex is far too slow
// to construct on every run):
//   [-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?
//   | \.[0-9_]+(?:[eE][-+]?[0-9]+)?
//   | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
//   | [-+]?\.(?:inf|Inf|INF)
//   | \.(?:nan|NaN|NAN)
bool looks_like_yaml_float(std::string_view text) {
  auto exponent = [](Scanner& sc) {
    std::size_t save = sc.pos();
    if (!sc.eat_any("eE")) return;
    sc.eat_any("-+");
    if (sc.eat_digits() == 0) sc.reset(save);
  };
  {  // first alternative
    Scanner sc(text);
    sc.eat_any("-+");
    bool ok = true;
    if (sc.eat('0')) {
    } else if (sc.peek() >= '1' && sc.peek() <= '9') {
      sc.eat_digits('_');
    } else {
      ok = false;
    }
    if (ok) {
      if (sc.eat('.')) sc.eat_digits('_');
      exponent(sc);
      if (sc.at_end()) return true;
    }
  }
  {  // second
    Scanner sc(text);
    if (sc.eat('.') && sc.eat_digits('_') > 0) {
      exponent(sc);
      if (sc.at_end()) return true;
    }
  }
  {  // third: sexagesimal
    Scanner sc(text);
    sc.eat_any("-+");
    if (sc.peek() >= '0' && sc.peek() <= '9') {
      sc.eat_digits('_');
      std::size_t tail_start = sc.pos();
      std::size_t dot = text.find('.', tail_start);
      if (dot != std::string_view::npos &&
          is_base60_tail(text.substr(tail_start, dot - tail_start))) {
        Scanner frac(text.substr(dot + 1));
        frac.eat_digits('_');
        if (frac.at_end()) return true;
      }
    }
  }
  {  // infinities and NaN
    Scanner sc(text);
    sc.eat_any("-+");
    if (sc.eat('.') && (sc.eat_str("inf") || sc.eat_str("Inf") || sc.eat_str("INF")) &&
        sc.at_end()) {
      return true;
    }
    if (text == ".nan" || text == ".NaN" || text == ".NAN") return true;
  }
  return false;
}

bool looks_like_yaml_int(const std::string& d) {
  std::size_t max = d.size(), i = 0;
  if (max == 0) return false;
  bool has_digits = false;
  char ch = d[i];
  if (ch == '-' || ch == '+') {
    if (++i >= max) return false;
    ch = d[i];
  }
  if (ch == '0') {
    if (i + 1 == max) return true;
    ch = d[++i];
    if (ch == 'b' || ch == 'x') {
      bool bin = ch == 'b';
      ++i;
      for (; i < max; ++i) {
        ch = d[i];
        if (ch == '_') continue;
        if (bin ? (ch != '0' && ch != '1') : !is_hex(ch)) return false;
        has_digits = true;
      }
      return has_digits && ch != '_';
    }
    for (; i < max; ++i) {
      ch = d[i];
      if (ch == '_') continue;
      if (!is_oct(ch)) return false;
      has_digits = true;
    }
    return has_digits && ch != '_';
  }
  if (ch == '_') return false;
  for (; i < max; ++i) {
    ch = d[i];
    if (ch == '_') continue;
    if (ch == ':') break;
    if (!is_dec(ch)) return false;
    has_digits = true;
  }
  if (!has_digits || ch == '_') return false;
  if (ch != ':') return true;
  return is_base60_tail(std::string_view(d).substr(i));
}

Value construct_yaml_int(const std::string& data) {
  std::string v;
  for (char c : data) {
    if (c != '_') v += c;
  }
  double sign = 1;
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) {
    if (v[0] == '-') sign = -1;
    v = v.substr(1);
  }
  double n = 0;
  if (v == "0") {
    n = 0;
  } else if (v.size() > 1 && v[0] == '0' && v[1] == 'b') {
    for (char c : v.substr(2)) n = n * 2 + (c - '0');
  } else if (v.size() > 1 && v[0] == '0' && v[1] == 'x') {
    for (char c : v.substr(2)) {
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                       : c - 'A' + 10;
      n = n * 16 + d;  // exact up to 2^53, then rounded like JavaScript's parseInt
    }
  } else if (v[0] == '0') {
    for (char c : v.substr(1)) n = n * 8 + (c - '0');
  } else if (v.find(':') != std::string::npos) {
    double base = 1;
    std::vector<double> digits;
    std::size_t start = 0;
    while (true) {
      auto colon = v.find(':', start);
      digits.insert(digits.begin(), std::strtod(v.substr(start, colon - start).c_str(), nullptr));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    for (double d : digits) {
      n += d * base;
      base *= 60;
    }
  } else {
    n = std::strtod(v.c_str(), nullptr);  // no exception: overflow gives Infinity, as in JS
  }
  n *= sign;
  if (std::fabs(n) <= 9007199254740991.0 && !(n == 0 && sign < 0)) {
    return Value(static_cast<std::int64_t>(n));
  }
  return Value(n);
}

Value construct_yaml_float(const std::string& data) {
  std::string v;
  for (char c : data) {
    if (c != '_') v += c;
  }
  std::string lower = v;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  double sign = 1;
  if (!lower.empty() && (lower[0] == '-' || lower[0] == '+')) {
    if (lower[0] == '-') sign = -1;
    lower = lower.substr(1);
  }
  if (lower == ".inf") return Value(sign * INFINITY);
  if (lower == ".nan") return Value(std::nan(""));
  if (lower.find(':') != std::string::npos) {
    double n = 0, base = 1;
    std::vector<double> digits;
    std::size_t start = 0;
    while (true) {
      auto colon = lower.find(':', start);
      digits.insert(digits.begin(),
                    std::strtod(lower.substr(start, colon - start).c_str(), nullptr));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    for (double d : digits) {
      n += d * base;
      base *= 60;
    }
    return Value(sign * n);
  }
  double n = sign * std::strtod(lower.c_str(), nullptr);
  if (std::floor(n) == n && std::fabs(n) <= 9007199254740991.0 && n != 0) {
    return Value(static_cast<std::int64_t>(n));
  }
  return Value(n);
}

// A JavaScript string literal of `s` (UTF-8 passes through; quotes,
// backslashes, control characters and U+2028/U+2029 escaped).
std::string js_string(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else if (c == 0xe2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xa8 ||
                static_cast<unsigned char>(s[i + 2]) == 0xa9)) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xa8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

struct Converter {
  const std::string& file;
  int first_line;
  std::map<std::string, RegexLiteral, std::less<>>* regexps = nullptr;
  std::map<std::vector<std::string>, std::string>* js_values = nullptr;
  mutable std::vector<std::string> path;  // of the node being converted

  Error error_at(const YAML::Mark& mark, std::string message) const {
    Error e{
        ErrorKind::kData, std::move(message), {file, first_line + mark.line, mark.column + 1}, {}};
    return e;
  }

  // Aliases are shared nodes in yaml-cpp; converting expands them, so an
  // alias inside its own anchor would recurse forever and a "billion laughs"
  // document would expand exponentially. Both are bounded.
  static constexpr int kMaxDepth = 64;
  static constexpr std::size_t kMaxValues = 100000;
  mutable int depth = 0;
  mutable std::size_t values = 0;

  Result<Value> convert(const YAML::Node& node, const std::string* top_key) const {
    if (++values > kMaxValues) {
      return tl::unexpected(error_at(node.Mark(), "frontmatter expands to more than " +
                                                      std::to_string(kMaxValues) +
                                                      " values (aliases repeated too often?)"));
    }
    if (depth >= kMaxDepth) {
      return tl::unexpected(error_at(node.Mark(), "frontmatter nests deeper than " +
                                                      std::to_string(kMaxDepth) +
                                                      " levels (an alias inside its own anchor?)"));
    }
    ++depth;
    auto result = convert_node(node, top_key);
    --depth;
    return result;
  }

  Result<Value> convert_node(const YAML::Node& node, const std::string* top_key) const {
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        return Value();
      case YAML::NodeType::Scalar:
        return scalar(node, top_key);
      case YAML::NodeType::Sequence: {
        Array a;
        for (const auto& item : node) {
          path.push_back(std::to_string(a.size()));
          auto v = convert(item, nullptr);
          path.pop_back();
          if (!v) return v;
          a.push_back(std::move(*v));
        }
        return Value(std::move(a));
      }
      case YAML::NodeType::Map: {
        Object o;
        for (const auto& kv : node) {
          std::string key = kv.first.Scalar();
          if (o.find(key)) {
            return tl::unexpected(
                error_at(kv.first.Mark(), "duplicated mapping key '" + key + "'"));
          }
          path.push_back(key);
          auto v = convert(kv.second, nullptr);
          path.pop_back();
          if (!v) return v;
          o.set(key, std::move(*v));
        }
        return Value(std::move(o));
      }
    }
    return Value();
  }

  Result<Value> scalar(const YAML::Node& node, const std::string* top_key) const {
    const std::string& tag = node.Tag();
    const std::string& text = node.Scalar();
    if (tag == "!" || tag.empty()) return Value(text);
    if (tag == "?") {
      Value v = resolve_plain_scalar(text);
      if (v.is_string()) note_timestamp(text);
      return v;
    }
    const std::string prefix = "tag:yaml.org,2002:";
    std::string short_tag = tag.rfind(prefix, 0) == 0 ? tag.substr(prefix.size()) : tag;
    if (short_tag == "str") return Value(text);
    if (short_tag == "timestamp") {
      if (!note_timestamp(text)) {
        return tl::unexpected(error_at(node.Mark(), "invalid timestamp '" + text + "'"));
      }
      return Value(text);
    }
    if (short_tag == "js/undefined") return Value();
    if (short_tag == "js/regexp") {
      RegexLiteral lit{text, ""};
      if (!text.empty() && text[0] == '/') {
        auto last = text.rfind('/');
        if (last == 0) {
          return tl::unexpected(error_at(node.Mark(), "invalid regular expression '" + text + "'"));
        }
        lit.pattern = text.substr(1, last - 1);
        lit.flags = text.substr(last + 1);
      }
      if (top_key && regexps) (*regexps)[*top_key] = lit;
      if (js_values) {
        (*js_values)[path] =
            "new RegExp(" + js_string(lit.pattern) + "," + js_string(lit.flags) + ")";
      }
      return Value("/" + lit.pattern + "/" + lit.flags);
    }
    if (short_tag == "int" || short_tag == "float" || short_tag == "bool" || short_tag == "null") {
      Value v = resolve_plain_scalar(text);
      return v;
    }
    return tl::unexpected(error_at(node.Mark(), "unknown YAML tag '" + tag + "'"));
  }

  // Records the Date js-yaml 3 makes of a timestamp scalar (the Value
  // itself stays the text). False when `text` is not a timestamp.
  bool note_timestamp(const std::string& text) const {
    auto js = yaml_timestamp_js(text);
    if (!js) return false;
    if (js_values) (*js_values)[path] = std::move(*js);
    return true;
  }
};

}  // namespace

Value resolve_plain_scalar(const std::string& text) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    return Value();
  }
  if (text == "true" || text == "True" || text == "TRUE") return Value(true);
  if (text == "false" || text == "False" || text == "FALSE") return Value(false);
  if (looks_like_yaml_int(text)) return construct_yaml_int(text);
  if (looks_like_yaml_float(text) && text.back() != '_') return construct_yaml_float(text);
  return Value(text);
}

std::optional<std::string> yaml_timestamp_js(const std::string& text) {
  // js-yaml 3 type/timestamp.js: YAML_DATE_REGEXP, then YAML_TIMESTAMP_REGEXP.
  if (text.size() < 8 || !is_dec(text[0]) || text[4] != '-') return std::nullopt;
  static const std::regex kDate("^([0-9]{4})-([0-9]{2})-([0-9]{2})$");
  static const std::regex kTimestamp(
      "^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9]{2}):([0-9]{2})"
      "(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9]{2}))?))?$");
  std::smatch m;
  auto num = [&](int i) { return std::to_string(std::stoi(m[i].str())); };
  if (std::regex_match(text, m, kDate)) {
    return "new Date(Date.UTC(" + num(1) + "," + num(2) + "-1," + num(3) + "))";
  }
  if (!std::regex_match(text, m, kTimestamp)) return std::nullopt;
  std::string fraction = m[7].matched ? m[7].str().substr(0, 3) : "";
  while (fraction.size() < 3) fraction += '0';
  std::string utc = "Date.UTC(" + num(1) + "," + num(2) + "-1," + num(3) + "," + num(4) + "," +
                    num(5) + "," + num(6) + "," + std::to_string(std::stoi(fraction)) + ")";
  if (m[9].matched) {
    int delta =
        (std::stoi(m[10].str()) * 60 + (m[11].matched ? std::stoi(m[11].str()) : 0)) * 60000;
    if (delta != 0) utc += (m[9].str() == "-" ? "+" : "-") + std::to_string(delta);
  }
  return "new Date(" + utc + ")";
}

namespace {

bool is_key_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_key_char(char c) {
  return is_key_start(c) || is_dec(c) || c == '-';
}

// Characters that may not start a plain scalar (YAML's c-indicators; `-`,
// `?` and `:` can in some spellings, which the fast path leaves to yaml-cpp),
// plus the quotes, which the caller handles.
bool is_indicator(char c) {
  switch (c) {
    case '-':
    case '?':
    case ':':
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`':
      return true;
    default:
      return false;
  }
}

// One line's value, already stripped of trailing spaces and not empty.
// Sets `plain` when it is an unquoted scalar (resolved by js-yaml's rules),
// else gives the quoted text. False when the full reader must decide.
bool simple_scalar(std::string_view v, std::string* text, bool* plain) {
  char q = v.front();
  if (q == '"' || q == '\'') {
    if (v.size() < 2 || v.back() != q) return false;
    std::string_view inner = v.substr(1, v.size() - 2);
    if (inner.find(q) != std::string_view::npos) return false;
    if (q == '"' && inner.find('\\') != std::string_view::npos) return false;
    *text = std::string(inner);
    *plain = false;
    return true;
  }
  if (is_indicator(q)) return false;
  if (v.back() == ':') return false;
  if (v.find(": ") != std::string_view::npos || v.find(" #") != std::string_view::npos)
    return false;
  *text = std::string(v);
  *plain = true;
  return true;
}

}  // namespace

std::optional<Attributes> parse_simple_yaml(std::string_view yaml, int first_line) {
  Attributes attrs;
  Object& obj = attrs.values.mutable_object();
  int line = 0;
  std::size_t start = 0;
  while (start < yaml.size()) {
    std::size_t nl = yaml.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? yaml.size() : nl;
    std::string_view l = yaml.substr(start, end - start);
    start = end + 1;
    ++line;
    if (l.empty()) continue;
    for (char c : l) {
      if (c < 0x20 || c > 0x7e) return std::nullopt;  // tabs, CR, controls, non-ASCII
    }
    if (!is_key_start(l[0])) return std::nullopt;
    std::size_t k = 1;
    while (k < l.size() && is_key_char(l[k])) ++k;
    if (k >= l.size() || l[k] != ':') return std::nullopt;
    if (k + 1 < l.size() && l[k + 1] != ' ') return std::nullopt;
    std::string key(l.substr(0, k));
    if (obj.find(key)) return std::nullopt;  // the full reader words the error
    // A key that is a YAML null or boolean (`NULL:`, `True:`) is left to the
    // full reader (found by the frontmatter fuzzer: yaml-cpp names it "").
    if (!resolve_plain_scalar(key).is_string()) return std::nullopt;
    std::string_view v = l.substr(k + 1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    Value value;
    if (!v.empty()) {
      std::string text;
      bool plain = false;
      if (!simple_scalar(v, &text, &plain)) return std::nullopt;
      if (plain) {
        value = resolve_plain_scalar(text);
        if (value.is_string()) {
          if (auto js = yaml_timestamp_js(text)) attrs.js_values[{key}] = std::move(*js);
        }
      } else {
        value = Value(std::move(text));
      }
    }
    attrs.lines[key] = first_line + line - 1;
    obj.set(std::move(key), std::move(value));
  }
  if (obj.empty()) return std::nullopt;  // blank lines only: yaml-cpp decides
  return attrs;
}

Result<Attributes> parse_yaml(std::string_view yaml, const std::string& file, int first_line) {
  if (auto fast = parse_simple_yaml(yaml, first_line)) return std::move(*fast);
  return parse_yaml_full(yaml, file, first_line);
}

Result<Attributes> parse_yaml_full(std::string_view yaml, const std::string& file, int first_line) {
  Attributes attrs;
  if (yaml.empty()) return attrs;
  if (yaml.find('\t') != std::string_view::npos) {
    // js-yaml rejects tabs used as indentation; yaml-cpp is more lenient.
    int line = 0;
    std::size_t start = 0;
    while (start <= yaml.size()) {
      auto nl = yaml.find('\n', start);
      std::string_view l =
          yaml.substr(start, nl == std::string_view::npos ? yaml.npos : nl - start);
      std::size_t i = 0;
      while (i < l.size() && l[i] == ' ') ++i;
      if (i < l.size() && l[i] == '\t') {
        return make_error(ErrorKind::kData,
                          "YAML: a tab character must not be used for indentation",
                          {file, first_line + line, static_cast<int>(i) + 1});
      }
      if (nl == std::string_view::npos) break;
      start = nl + 1;
      ++line;
    }
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    return make_error(ErrorKind::kData, "YAML: " + e.msg,
                      {file, first_line + e.mark.line, e.mark.column + 1});
  } catch (const YAML::Exception& e) {
    return make_error(ErrorKind::kData, std::string("YAML: ") + e.what(), {file, first_line, 0});
  }
  if (!root.IsMap()) return attrs;
  Converter conv{file, first_line, &attrs.regexps, &attrs.js_values, {}};
  Object& obj = attrs.values.mutable_object();
  try {
    for (const auto& kv : root) {
      std::string key = kv.first.Scalar();
      if (obj.find(key)) {
        return tl::unexpected(
            conv.error_at(kv.first.Mark(), "YAML: duplicated mapping key '" + key + "'"));
      }
      conv.path = {key};
      auto v = conv.convert(kv.second, &key);
      if (!v) return tl::unexpected(v.error());
      obj.set(key, std::move(*v));
      attrs.lines[key] = first_line + kv.first.Mark().line;
    }
  } catch (const YAML::Exception& e) {
    return make_error(ErrorKind::kData, std::string("YAML: ") + e.what(), {file, first_line, 0});
  }
  return attrs;
}

}  // namespace hypergen::frontmatter
