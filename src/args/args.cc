#include "args/args.h"
#include "util/scan.h"

#include "liquid/inflection.h"

#include <cmath>
#include <utility>

namespace hypergen::args {

using liquid::Array;
using liquid::Object;
using liquid::Value;

const Value* ParsedArgs::option(std::string_view key) const {
  return options.as_object().find(key);
}

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// yargs-parser's looksLikeNumber().
// Matched by hand: /^0x[0-9a-f]+$/i, then /^[-]?(?:\d+(?:\.\d*)?|\.\d+)(e[-+]?\d+)?$/.
bool looks_like_number(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    bool all_hex = true;
    for (char c : s.substr(2)) {
      all_hex = all_hex && (is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }
    if (all_hex) return true;
  }
  if (s.size() >= 2 && s[0] == '0' && s[1] != '.') return false;
  Scanner sc(s);
  sc.eat('-');
  if (sc.eat_digits() > 0) {
    if (sc.eat('.')) sc.eat_digits();
  } else if (!(sc.eat('.') && sc.eat_digits() > 0)) {
    return false;
  }
  if (sc.eat('e')) {
    sc.eat_any("-+");
    if (sc.eat_digits() == 0) return false;
  }
  return sc.at_end();
}

// Length of the match of /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/ (0 = none).
std::size_t js_number_prefix(std::string_view s) {
  Scanner sc(s);
  sc.eat_any("-+");
  if (sc.eat_digits() > 0) {
    if (sc.eat('.')) sc.eat_digits();
  } else if (!(sc.eat('.') && sc.eat_digits() > 0)) {
    return 0;
  }
  std::size_t end = sc.pos();
  if (sc.eat_any("eE")) {
    sc.eat_any("-+");
    if (sc.eat_digits() > 0) end = sc.pos();
  }
  return end;
}

// /^-?\d+(\.\d*)?(e-?\d+)?$/ (yargs' check for "-n5"-style short flags).
bool is_short_flag_number(std::string_view s) {
  Scanner sc(s);
  sc.eat('-');
  if (sc.eat_digits() == 0) return false;
  if (sc.eat('.')) sc.eat_digits();
  if (sc.eat('e')) {
    sc.eat('-');
    if (sc.eat_digits() == 0) return false;
  }
  return sc.at_end();
}

// JavaScript parseFloat's leading-number prefix (enough for the safe-integer test).
double js_parse_float_prefix(std::string_view s) {
  std::size_t n = js_number_prefix(s);
  if (n == 0) return std::nan("");
  return std::strtod(std::string(s.substr(0, n)).c_str(), nullptr);
}

// Appends `value` under `key`, turning a repeated key into an array.
void set_value(Object& obj, const std::string& key, Value value) {
  if (Value* existing = obj.find(key)) {
    if (existing->is_array()) {
      existing->mutable_array().push_back(std::move(value));
    } else {
      Array a{*existing, std::move(value)};
      *existing = Value(std::move(a));
    }
    return;
  }
  obj.set(key, std::move(value));
}

void set_path(Object& obj, std::span<const std::string> parts, Value value) {
  if (parts.size() == 1) {
    set_value(obj, parts[0], std::move(value));
    return;
  }
  Value* child = obj.find(parts[0]);
  if (!child || !child->is_object()) {
    child = &obj.set(parts[0], Value(Object{}));
  }
  set_path(child->mutable_object(), parts.subspan(1), std::move(value));
}

std::vector<std::string> split_dots(const std::string& key) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    auto dot = key.find('.', start);
    parts.push_back(key.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

// yargs' setArg: the key (dotted paths nest) plus its camel-cased alias
// when the key contains '-'.
void set_arg(Object& obj, const std::string& key, const Value& value) {
  auto parts = split_dots(key);
  set_path(obj, parts, value);
  if (key.find('-') != std::string::npos) {
    std::vector<std::string> alias_parts;
    for (const auto& p : parts) alias_parts.push_back(camel_case(p));
    if (alias_parts != parts) set_path(obj, alias_parts, value);
  }
}

Value coerce(std::string_view word) {
  if (auto n = coerce_number(word)) return *n;
  return Value(std::string(word));
}

bool is_negative_number(std::string_view s) {
  // yargs: /^-+\d/ style negative numbers are values, not flags.
  std::size_t i = 0;
  while (i < s.size() && s[i] == '-') ++i;
  return i > 0 && i < s.size() &&
         (is_digit(s[i]) || (s[i] == '.' && i + 1 < s.size() && is_digit(s[i + 1])));
}

bool takes_as_value(const std::string* next) {
  return next && (next->empty() || (*next)[0] != '-' || is_negative_number(*next));
}

}  // namespace

std::optional<Value> coerce_number(std::string_view word) {
  if (!looks_like_number(word)) return std::nullopt;
  double floor_value = std::floor(js_parse_float_prefix(word));
  if (word.size() > 2 && (word.substr(0, 2) == "0x" || word.substr(0, 2) == "0X")) floor_value = 0;
  constexpr double kMaxSafe = 9007199254740991.0;
  if (!(std::fabs(floor_value) <= kMaxSafe)) return std::nullopt;
  double number = liquid::parse_js_number(word);
  if (std::isnan(number)) return std::nullopt;
  if (std::floor(number) == number && std::fabs(number) <= kMaxSafe) {
    if (number == 0 && std::signbit(number)) return Value(number);  // -0 stays a float
    return Value(static_cast<std::int64_t>(number));
  }
  return Value(number);
}

std::string camel_case(std::string_view key) {
  std::string str(key);
  std::string lower = str, upper = str;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  bool is_camel = str != lower && str != upper;
  if (!is_camel) str = lower;
  if (str.find('-') == std::string::npos && str.find('_') == std::string::npos) return str;
  std::string out;
  bool next_upper = false;
  std::size_t i = 0;
  while (i < str.size() && str[i] == '-') ++i;
  for (; i < str.size(); ++i) {
    char c = str[i];
    if (next_upper) {
      next_upper = false;
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (i != 0 && (c == '-' || c == '_')) {
      next_upper = true;
    } else if (c != '-' && c != '_') {
      out += c;
    }
  }
  return out;
}

ParsedArgs parse_argv(std::span<const std::string> words) {
  ParsedArgs result;
  Object& opts = result.options.mutable_object();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& arg = words[i];
    const std::string* next = i + 1 < words.size() ? &words[i + 1] : nullptr;
    if (arg == "--") {
      for (std::size_t j = i + 1; j < words.size(); ++j) result.positionals.emplace_back(words[j]);
      break;
    }
    if (arg.size() > 2 && arg[0] == '-' && arg[1] == '-') {
      std::string body = arg.substr(2);
      auto eq = body.find('=');
      if (eq != std::string::npos && eq > 0) {
        std::string key = body.substr(0, eq);
        std::string value = body.substr(eq + 1);
        if (value.size() >= 2 && (value[0] == '\'' || value[0] == '"') &&
            value.back() == value[0]) {
          value = value.substr(1, value.size() - 2);
        }
        set_arg(opts, key, coerce(value));
        continue;
      }
      if (body.size() > 3 && body.rfind("no-", 0) == 0) {
        set_arg(opts, body.substr(3), Value(false));
        continue;
      }
      if (takes_as_value(next)) {
        set_arg(opts, body, coerce(*next));
        ++i;
      } else {
        set_arg(opts, body, Value(true));
      }
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-' && arg[1] != '-' && !is_negative_number(arg)) {
      // Short group: -abc, -n5, -x=value, -x value.
      std::string letters = arg.substr(1);
      bool broken = false;
      for (std::size_t j = 0; j + 1 < letters.size(); ++j) {
        std::string rest = letters.substr(j + 1);
        std::string key(1, letters[j]);
        if (letters[j + 1] == '=') {
          set_arg(opts, key, coerce(letters.substr(j + 2)));
          broken = true;
          break;
        }
        if (is_alpha(letters[j]) && is_short_flag_number(rest)) {
          set_arg(opts, key, coerce(rest));
          broken = true;
          break;
        }
        set_arg(opts, key, Value(true));
      }
      if (!broken) {
        std::string key(1, letters.back());
        if (key != "-") {
          if (takes_as_value(next)) {
            set_arg(opts, key, coerce(*next));
            ++i;
          } else {
            set_arg(opts, key, Value(true));
          }
        }
      }
      continue;
    }
    result.positionals.push_back(coerce(arg));
  }
  return result;
}

bool js_truthy(const Value& v) {
  return v.js_truthy();
}

std::string capitalize_first(std::string_view word) {
  std::string out(word);
  if (out.empty()) return out;
  auto c0 = static_cast<unsigned char>(out[0]);
  if (c0 < 0x80) {
    out[0] = static_cast<char>(std::toupper(c0));
  } else if (c0 == 0xC3 && out.size() > 1) {
    // Latin-1 lower-case letters U+00E0..U+00FE (except U+00F7).
    auto c1 = static_cast<unsigned char>(out[1]);
    if (c1 >= 0xA0 && c1 <= 0xBE && c1 != 0xB7) out[1] = static_cast<char>(c1 - 0x20);
  }
  return out;
}

std::string pluralize(std::string_view word) {
  return liquid::inflection::pluralize(word);
}

Value build_run_args(const LocalsInput& in) {
  Object locals;
  locals.set("templates", Value(in.templates));
  locals.set("actionfolder", Value(in.actionfolder));
  locals.set("generator", Value(in.generator));
  locals.set("action", Value(in.action));
  if (in.subaction) locals.set("subaction", Value(*in.subaction));
  Array positionals;
  if (in.args) positionals = in.args->positionals;
  locals.set("_", Value(std::move(positionals)));
  locals.set("ts", in.ts);
  if (in.args) {
    for (const auto& [key, value] : in.args->options.as_object()) locals.set(key, value);
  }
  if (in.name_positional && js_truthy(*in.name_positional)) locals.set("name", *in.name_positional);
  if (in.hook_result && in.hook_result->is_object()) {
    for (const auto& [key, value] : in.hook_result->as_object()) locals.set(key, value);
  }
  locals.set("cwd", Value(in.cwd));
  return Value(std::move(locals));
}

Result<Value> build_locals(const LocalsInput& in) {
  Object locals;
  locals.set("name", Value("unnamed"));
  if (in.locals_defaults && in.locals_defaults->is_object()) {
    for (const auto& [key, value] : in.locals_defaults->as_object()) locals.set(key, value);
  }
  Value run_args = build_run_args(in);
  for (const auto& [key, value] : run_args.as_object()) locals.set(key, value);
  const Value* name = locals.find("name");
  if (!name->is_string()) {
    return make_error(ErrorKind::kData,
                      "the name must be a string, got " + std::string(name->type_name()) + " '" +
                          name->to_output() +
                          "' (Hygen fails here too: str.toLowerCase is not a function)");
  }
  std::string n = name->as_string();
  std::string plural = pluralize(n);
  if (!locals.find("Name")) locals.set("Name", Value(capitalize_first(n)));
  if (!locals.find("names")) locals.set("names", Value(plural));
  if (!locals.find("Names")) locals.set("Names", Value(capitalize_first(plural)));
  return Value(std::move(locals));
}

}  // namespace hypergen::args
