#include "liquid/value.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>

namespace hypergen::liquid {

// ---- Object ---------------------------------------------------------------

namespace {
std::size_t hash_key(std::string_view key) {
  return std::hash<std::string_view>{}(key);
}
constexpr std::uint32_t kEmptySlot = 0xFFFFFFFFu;
}  // namespace

void Object::rebuild_index() {
  std::size_t capacity = 64;
  while (capacity < entries_.size() * 2) capacity *= 2;
  index_.assign(capacity, kEmptySlot);
  for (std::uint32_t i = 0; i < entries_.size(); ++i) {
    std::size_t slot = hash_key(entries_[i].first) & (capacity - 1);
    while (index_[slot] != kEmptySlot) slot = (slot + 1) & (capacity - 1);
    index_[slot] = i;
  }
}

const Value* Object::find(std::string_view key) const {
  if (entries_.size() < kIndexThreshold) {
    for (const auto& [k, v] : entries_) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  // set() and erase() keep the index built past the threshold, so a const
  // lookup never writes (objects are read from several threads at once
  // while rendering in parallel). An index that is not there (cannot happen
  // through set/erase) falls back to a scan rather than building one here.
  if (index_.size() < entries_.size() * 2) {
    for (const auto& [k, v] : entries_) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  std::size_t mask = index_.size() - 1;
  for (std::size_t slot = hash_key(key) & mask;; slot = (slot + 1) & mask) {
    std::uint32_t i = index_[slot];
    if (i == kEmptySlot) return nullptr;
    if (entries_[i].first == key) return &entries_[i].second;
  }
}

Value* Object::find(std::string_view key) {
  return const_cast<Value*>(static_cast<const Object*>(this)->find(key));
}

Value& Object::set(std::string key, Value value) {
  if (Value* existing = find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  entries_.emplace_back(std::move(key), std::move(value));
  if (entries_.size() >= kIndexThreshold) {
    if (index_.size() < entries_.size() * 2) {
      rebuild_index();
    } else {
      std::size_t mask = index_.size() - 1;
      std::size_t slot = hash_key(entries_.back().first) & mask;
      while (index_[slot] != kEmptySlot) slot = (slot + 1) & mask;
      index_[slot] = static_cast<std::uint32_t>(entries_.size() - 1);
    }
  }
  return entries_.back().second;
}

bool Object::erase(std::string_view key) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->first == key) {
      entries_.erase(it);
      index_.clear();
      if (entries_.size() >= kIndexThreshold) rebuild_index();
      return true;
    }
  }
  return false;
}

// ---- Value ----------------------------------------------------------------

Array& Value::mutable_array() {
  auto& p = std::get<ArrayPtr>(v_);
  if (p.use_count() > 1) p = std::make_shared<Array>(*p);
  return *p;
}

Object& Value::mutable_object() {
  auto& p = std::get<ObjectPtr>(v_);
  if (p.use_count() > 1) p = std::make_shared<Object>(*p);
  return *p;
}

bool Value::truthy() const {
  switch (kind()) {
    case Kind::kNil:
      return false;
    case Kind::kBool:
      return as_bool();
    default:
      return true;
  }
}

bool Value::js_truthy() const {
  switch (kind()) {
    case Kind::kNil:
      return false;
    case Kind::kBool:
      return as_bool();
    case Kind::kInt:
      return as_int() != 0;
    case Kind::kFloat:
      return as_float() != 0 && !std::isnan(as_float());
    case Kind::kString:
      return !as_string().empty();
    default:
      return true;
  }
}

bool Value::is_empty() const {
  switch (kind()) {
    case Kind::kString:
      return as_string().empty();
    case Kind::kArray:
      return as_array().empty();
    case Kind::kObject:
      return as_object().empty();
    default:
      return false;
  }
}

bool Value::is_blank() const {
  switch (kind()) {
    case Kind::kNil:
      return true;
    case Kind::kBool:
      return !as_bool();
    case Kind::kString: {
      for (char c : as_string()) {
        if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')) {
          return false;
        }
      }
      return true;
    }
    case Kind::kArray:
    case Kind::kObject:
      return is_empty();
    default:
      return false;
  }
}

double Value::to_number() const {
  switch (kind()) {
    case Kind::kNil:
      return 0;
    case Kind::kBool:
      return as_bool() ? 1 : 0;
    case Kind::kInt:
      return static_cast<double>(as_int());
    case Kind::kFloat:
      return as_float();
    case Kind::kString:
      return parse_js_number(as_string());
    case Kind::kArray: {
      // JS: Number([]) is 0, Number([x]) is Number(String(x)), otherwise NaN.
      const Array& a = as_array();
      if (a.empty()) return 0;
      if (a.size() == 1) return parse_js_number(a[0].to_output());
      return std::numeric_limits<double>::quiet_NaN();
    }
    case Kind::kObject:
      return std::numeric_limits<double>::quiet_NaN();
  }
  return 0;
}

void Value::append_output(std::string& out) const {
  switch (kind()) {
    case Kind::kNil:
      return;
    case Kind::kBool:
      out += as_bool() ? "true" : "false";
      return;
    case Kind::kInt: {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, as_int());
      out.append(buf, r.ptr);
      return;
    }
    case Kind::kFloat:
      append_number(out, as_float());
      return;
    case Kind::kString:
      out += as_string();
      return;
    case Kind::kArray:
      for (const Value& v : as_array()) v.append_output(out);
      return;
    case Kind::kObject:
      out += "[object Object]";
      return;
  }
}

std::string Value::to_output() const {
  if (is_string()) return as_string();
  std::string out;
  append_output(out);
  return out;
}

bool operator==(const Value& a, const Value& b) {
  using K = Value::Kind;
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
    return a.to_number() == b.to_number();
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case K::kNil:
      return true;
    case K::kBool:
      return a.as_bool() == b.as_bool();
    case K::kString:
      return a.as_string() == b.as_string();
    case K::kArray: {
      const Array& x = a.as_array();
      const Array& y = b.as_array();
      if (&x == &y) return true;
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!(x[i] == y[i])) return false;
      }
      return true;
    }
    case K::kObject:
      return &a.as_object() == &b.as_object();
    default:
      return false;
  }
}

const char* Value::type_name() const {
  switch (kind()) {
    case Kind::kNil:
      return "nil";
    case Kind::kBool:
      return "boolean";
    case Kind::kInt:
      return "integer";
    case Kind::kFloat:
      return "float";
    case Kind::kString:
      return "string";
    case Kind::kArray:
      return "array";
    case Kind::kObject:
      return "object";
  }
  return "value";
}

// ---- numbers --------------------------------------------------------------

void append_number(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "NaN";
    return;
  }
  if (std::isinf(d)) {
    out += d < 0 ? "-Infinity" : "Infinity";
    return;
  }
  if (d == 0) {
    out += '0';  // JS prints -0 as "0"
    return;
  }
  if (d < 0) {
    out += '-';
    d = -d;
  }
  // Shortest round-trip digits, in scientific form: "d.ddde±x".
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(r.ptr - buf));
  std::size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos)) {
    if (c != '.') digits += c;
  }
  int exp10 = std::atoi(std::string(sci.substr(e_pos + 1)).c_str());
  // ECMAScript Number::toString: value = 0.digits × 10^n with n = exp10 + 1.
  int k = static_cast<int>(digits.size());
  int n = exp10 + 1;
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, 0, static_cast<std::size_t>(n));
    out += '.';
    out.append(digits, static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out.append(digits, 1);
    }
    out += 'e';
    out += (n - 1) >= 0 ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
}

std::string format_number(double d) {
  std::string out;
  append_number(out, d);
  return out;
}

double parse_js_number(std::string_view s) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  if (s.empty()) return 0;
  if (s.size() > 2 && s[0] == '0') {
    int base = 0;
    if (s[1] == 'x' || s[1] == 'X') base = 16;
    if (s[1] == 'o' || s[1] == 'O') base = 8;
    if (s[1] == 'b' || s[1] == 'B') base = 2;
    if (base) {
      double v = 0;
      for (char c : s.substr(2)) {
        int digit;
        if (c >= '0' && c <= '9')
          digit = c - '0';
        else if (c >= 'a' && c <= 'f')
          digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
          digit = c - 'A' + 10;
        else
          return kNaN;
        if (digit >= base) return kNaN;
        v = v * base + digit;
      }
      return v;
    }
  }
  std::string_view body = s;
  bool negative = false;
  if (body.front() == '+' || body.front() == '-') {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  if (body == "Infinity") {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  // Only decimal literals from here: digits, optional fraction, optional exponent.
  std::size_t i = 0;
  bool any_digit = false;
  while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, any_digit = true;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, any_digit = true;
  }
  if (!any_digit) return kNaN;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < body.size() && (body[j] == '+' || body[j] == '-')) ++j;
    std::size_t start = j;
    while (j < body.size() && body[j] >= '0' && body[j] <= '9') ++j;
    if (j == start) return kNaN;
    i = j;
  }
  if (i != body.size()) return kNaN;
  std::string copy(body);
  double v = std::strtod(copy.c_str(), nullptr);
  return negative ? -v : v;
}

}  // namespace hypergen::liquid
