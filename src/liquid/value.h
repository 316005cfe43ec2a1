#pragma once
// The value tree templates render against: JSON-like (nil, bool, int, float,
// string, array, object). Arrays and objects are shared and copy-on-write, so
// copying a Value is cheap (a refcount bump) and a render never mutates the
// caller's data. Objects keep insertion order (LiquidJS iterates objects in
// insertion order).
//
// Semantics follow LiquidJS (JavaScript underneath): only nil and false are
// falsy; numbers print like JavaScript's String(n); arrays print as the
// concatenation of their elements; objects print as "[object Object]".

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace hypergen::liquid {

class Value;
using Array = std::vector<Value>;

// Insertion-ordered string → Value map. Lookup is linear for small objects
// and hashed once an object grows past a few dozen keys.
class Object {
 public:
  using Entry = std::pair<std::string, Value>;

  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  // Inserts or replaces; returns the stored value.
  Value& set(std::string key, Value value);
  bool erase(std::string_view key);

  // Defined after Value (below): clang rejects using std::vector<Entry>
  // members while Value is still incomplete.
  std::size_t size() const;
  bool empty() const;
  std::vector<Entry>::const_iterator begin() const;
  std::vector<Entry>::const_iterator end() const;
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  void rebuild_index();
  std::vector<Entry> entries_;
  // Open-addressing index into entries_, kept built by set() and erase()
  // once the object has kIndexThreshold entries: a const lookup never writes,
  // so one object may be read from several threads (parallel rendering).
  std::vector<std::uint32_t> index_;
  static constexpr std::size_t kIndexThreshold = 24;
};

class Value {
 public:
  enum class Kind : std::uint8_t { kNil, kBool, kInt, kFloat, kString, kArray, kObject };

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  Value(int i) : v_(static_cast<std::int64_t>(i)) {}
  Value(std::int64_t i) : v_(i) {}
  Value(double d) : v_(d) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(Array a) : v_(std::make_shared<Array>(std::move(a))) {}
  Value(Object o) : v_(std::make_shared<Object>(std::move(o))) {}

  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is_nil() const { return kind() == Kind::kNil; }
  bool is_bool() const { return kind() == Kind::kBool; }
  bool is_int() const { return kind() == Kind::kInt; }
  bool is_float() const { return kind() == Kind::kFloat; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return kind() == Kind::kString; }
  bool is_array() const { return kind() == Kind::kArray; }
  bool is_object() const { return kind() == Kind::kObject; }

  // Checked accessors: call only after testing the kind.
  bool as_bool() const { return std::get<bool>(v_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const Array& as_array() const { return *std::get<ArrayPtr>(v_); }
  const Object& as_object() const { return *std::get<ObjectPtr>(v_); }

  // Mutable access; clones a shared array/object first (copy-on-write).
  std::string& mutable_string() { return std::get<std::string>(v_); }
  Array& mutable_array();
  Object& mutable_object();

  // Truthiness as in LiquidJS: only nil and false are falsy.
  bool truthy() const;
  // JavaScript's truthiness (`if (value)`): also 0, NaN and "" are falsy.
  bool js_truthy() const;
  // `== empty`: empty string, array or object.
  bool is_empty() const;
  // `== blank`: nil, false, empty, or a string of only whitespace.
  bool is_blank() const;

  // Numeric value of a number, or a string parsed as a JS number would be
  // (NaN when it is not one); nil and false are 0, true is 1.
  double to_number() const;

  // How `{{ value }}` prints it (JavaScript String() rules, see the top).
  std::string to_output() const;
  void append_output(std::string& out) const;

  // Strict structural equality as LiquidJS's `==` (numbers compare by value
  // across int/float; arrays element-wise; objects by identity).
  friend bool operator==(const Value& a, const Value& b);

  // Name of the kind, for error messages ("string", "array", …).
  const char* type_name() const;

 private:
  using ArrayPtr = std::shared_ptr<Array>;
  using ObjectPtr = std::shared_ptr<Object>;
  std::variant<std::monostate, bool, std::int64_t, double, std::string, ArrayPtr, ObjectPtr> v_;
};

inline std::size_t Object::size() const {
  return entries_.size();
}
inline bool Object::empty() const {
  return entries_.empty();
}
inline std::vector<Object::Entry>::const_iterator Object::begin() const {
  return entries_.begin();
}
inline std::vector<Object::Entry>::const_iterator Object::end() const {
  return entries_.end();
}

// JavaScript Number.prototype.toString() for a double ("1", "0.1", "1e+21",
// "NaN", "-Infinity"); integers print without a decimal point.
std::string format_number(double d);
void append_number(std::string& out, double d);

// Parses a string the way JavaScript's Number(str) does (trims whitespace,
// accepts decimal, exponent, 0x/0o/0b, "Infinity"; empty string is 0);
// returns NaN when it is not a number.
double parse_js_number(std::string_view s);

}  // namespace hypergen::liquid
