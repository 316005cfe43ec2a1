// Helpers shared by the built-in filters (see filters_internal.h).
#include <cmath>
#include <cstdlib>
#include <string>

#include "liquid/filters_internal.h"
#include "liquid/unicode.h"

namespace hypergen::liquid::filters {

tl::unexpected<Error> filter_error(std::string message) {
  return make_error(ErrorKind::kTemplate, std::move(message));
}

std::string js_string(const Value& v) {
  if (!v.is_array()) return v.to_output();
  std::string out;
  bool first = true;
  for (const Value& item : v.as_array()) {
    if (!first) out += ',';
    first = false;
    if (!item.is_nil()) out += js_string(item);
  }
  return out;
}

double to_number(const Value* v) {
  if (v == nullptr) return 0;
  double d = v->to_number();
  return std::isnan(d) ? 0 : d;
}

Value number_value(double d) {
  constexpr double kMaxSafe = 9007199254740991.0;
  if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) <= kMaxSafe &&
      !(d == 0 && std::signbit(d))) {
    return Value(static_cast<std::int64_t>(d));
  }
  return Value(d);
}

Array to_array(const Value& v) {
  if (v.is_nil()) return {};
  if (v.is_array()) return v.as_array();
  return Array{v};
}

namespace {

// "12" → 12 when the whole key is a non-negative integer (JS array index).
bool parse_index(std::string_view key, long long& index) {
  if (key.empty() || key.size() > 15) return false;
  long long n = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  if (key.size() > 1 && key[0] == '0') return false;
  index = n;
  return true;
}

Value array_at(const Array& a, long long index) {
  if (index < 0) index += static_cast<long long>(a.size());
  if (index < 0 || index >= static_cast<long long>(a.size())) return {};
  return a[static_cast<std::size_t>(index)];
}

}  // namespace

Value get_property(const Value& v, std::string_view key) {
  switch (v.kind()) {
    case Value::Kind::kArray: {
      const Array& a = v.as_array();
      long long index;
      if (parse_index(key, index)) return array_at(a, index);
      if (key == "size" || key == "length") return Value(static_cast<std::int64_t>(a.size()));
      if (key == "first") return array_at(a, 0);
      if (key == "last") return array_at(a, -1);
      return {};
    }
    case Value::Kind::kObject: {
      const Object& o = v.as_object();
      if (const Value* found = o.find(key)) return *found;
      if (key == "size") return Value(static_cast<std::int64_t>(o.size()));
      return {};
    }
    case Value::Kind::kString:
      if (key == "size" || key == "length") {
        return Value(static_cast<std::int64_t>(utf16_length(v.as_string())));
      }
      return {};
    default:
      return {};
  }
}

Value get_path(const Value& v, std::string_view path) {
  Value current = v;
  std::size_t i = 0;
  bool first = true;
  while (i < path.size()) {
    std::string key;
    if (path[i] == '[') {
      ++i;
      if (i < path.size() && (path[i] == '"' || path[i] == '\'')) {
        char quote = path[i++];
        while (i < path.size() && path[i] != quote) key += path[i++];
        ++i;  // closing quote
      } else {
        while (i < path.size() && path[i] != ']') key += path[i++];
        if (key.starts_with('-')) {
          // Negative index: only meaningful for arrays.
          if (current.is_array()) {
            long long idx = std::strtoll(key.c_str(), nullptr, 10);
            const Array& a = current.as_array();
            idx += static_cast<long long>(a.size());
            current = (idx >= 0 && idx < static_cast<long long>(a.size()))
                          ? a[static_cast<std::size_t>(idx)]
                          : Value();
          } else {
            current = Value();
          }
          if (i < path.size()) ++i;  // ']'
          first = false;
          continue;
        }
      }
      if (i < path.size()) ++i;  // ']'
    } else {
      if (path[i] == '.') {
        if (first) return {};
        ++i;
      }
      while (i < path.size() && path[i] != '.' && path[i] != '[') key += path[i++];
    }
    first = false;
    current = get_property(current, key);
  }
  return current;
}

namespace {

// ToPrimitive for `<`: numbers and strings stay, booleans/nil become numbers,
// arrays and objects become their String() form.
struct Primitive {
  bool is_string;
  std::string s;
  double n;
};

Primitive to_primitive(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kString:
      return {true, v.as_string(), 0};
    case Value::Kind::kArray:
      return {true, js_string(v), 0};
    case Value::Kind::kObject:
      return {true, "[object Object]", 0};
    default:
      return {false, {}, v.to_number()};
  }
}

}  // namespace

bool js_less(const Value& a, const Value& b) {
  Primitive pa = to_primitive(a);
  Primitive pb = to_primitive(b);
  if (pa.is_string && pb.is_string) return pa.s < pb.s;
  double x = pa.is_string ? parse_js_number(pa.s) : pa.n;
  double y = pb.is_string ? parse_js_number(pb.s) : pb.n;
  return x < y;
}

bool same_value_zero(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    double x = a.to_number();
    double y = b.to_number();
    return x == y || (std::isnan(x) && std::isnan(y));
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::kArray:
      return &a.as_array() == &b.as_array();
    case Value::Kind::kObject:
      return &a.as_object() == &b.as_object();
    default:
      return a == b;
  }
}

bool liquid_equals(const Value& a, const Value& b) {
  return a == b;
}

}  // namespace hypergen::liquid::filters
