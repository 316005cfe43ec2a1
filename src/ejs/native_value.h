#pragma once
// The JavaScript values of the native EJS path (ejs/native.h): undefined,
// null, booleans, numbers (doubles), strings (UTF-8; methods that index
// work on UTF-16 code units as JavaScript does), arrays and objects (shared,
// mutable, compared by identity) and functions (a closure over a template
// function expression, or one of the built-ins the evaluator implements).
// The conversions (ToString, ToNumber, ToPrimitive, `==`, `<`) follow the
// ECMAScript rules for these kinds.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "ejs/js_subset.h"

namespace hypergen::ejs::native {

struct Array;
struct Object;
struct Function;
struct Scope;

struct Undefined {};
struct Null {};

class Value {
 public:
  enum class Kind : std::uint8_t {
    kUndefined,
    kNull,
    kBool,
    kNumber,
    kString,
    kArray,
    kObject,
    kFunction
  };

  Value() = default;
  Value(Null) : v_(Null{}) {}
  Value(bool b) : v_(b) {}
  Value(double d) : v_(d) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::shared_ptr<Array> a) : v_(std::move(a)) {}
  Value(std::shared_ptr<Object> o) : v_(std::move(o)) {}
  Value(std::shared_ptr<Function> f) : v_(std::move(f)) {}

  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is(Kind k) const { return kind() == k; }
  bool nullish() const { return kind() == Kind::kUndefined || kind() == Kind::kNull; }
  bool as_bool() const { return std::get<bool>(v_); }
  double as_number() const { return std::get<double>(v_); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const std::shared_ptr<Array>& as_array() const { return std::get<std::shared_ptr<Array>>(v_); }
  const std::shared_ptr<Object>& as_object() const { return std::get<std::shared_ptr<Object>>(v_); }
  const std::shared_ptr<Function>& as_function() const {
    return std::get<std::shared_ptr<Function>>(v_);
  }

 private:
  std::variant<Undefined, Null, bool, double, std::string, std::shared_ptr<Array>,
               std::shared_ptr<Object>, std::shared_ptr<Function>>
      v_;
};

struct Array {
  std::vector<Value> items;
};

struct Object {
  std::vector<std::pair<std::string, Value>> props;
  Value* find(std::string_view key) {
    for (auto& [k, v] : props) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  void set(std::string key, Value value) {
    if (Value* v = find(key)) {
      *v = std::move(value);
    } else {
      props.emplace_back(std::move(key), std::move(value));
    }
  }
};

// The built-in functions (Hygen's helpers, a few globals).
enum class Builtin : std::uint16_t {
  kClosure,
  kUnsupported,  // present in the prelude's `h` but not ported: calling it bails
  kCapitalize,
  kChangeCase,  // Function::name says which
  kInflection,  // Function::name says which
  kPathResolve,
  kPathNormalize,
  kPathIsAbsolute,
  kPathJoin,
  kPathRelative,
  kPathDirname,
  kPathBasename,
  kPathExtname,
  kPathParse,
  kPathFormat,
  kPathToNamespaced,
  kString,
  kNumber,
  kBoolean,
  kParseInt,
  kIsNaN,
};

struct Function {
  Builtin builtin = Builtin::kClosure;
  std::string_view name;               // kChangeCase / kInflection: the function
  const subset::Node* node = nullptr;  // kClosure
  std::shared_ptr<Scope> scope;        // kClosure: where it was created
};

// A scope: function variables, or (with != null) the `with (locals)` object.
struct Scope : std::enable_shared_from_this<Scope> {
  std::vector<std::pair<std::string_view, Value>> vars;
  std::shared_ptr<Scope> parent;
  Object* with = nullptr;
};

// UTF-8 ⇄ UTF-16 (strings that index are handled as code units).
std::u16string to_utf16(std::string_view s);
// False when `s` holds a lone surrogate (the native path then bails).
bool from_utf16(std::u16string_view s, std::string& out);
bool is_ascii(std::string_view s);

// JavaScript Number::toString (−0 → "0").
std::string number_to_string(double d);
// ToNumber of a string (Unicode white space trimmed, as Number(s)).
double string_to_number(std::string_view s);

}  // namespace hypergen::ejs::native
