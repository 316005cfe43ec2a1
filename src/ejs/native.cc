#include "ejs/native.h"

#include "liquid/html.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ejs/compile.h"
#include "ejs/native_value.h"
#include "liquid/case_convert.h"
#include "liquid/inflection.h"
#include "liquid/unicode.h"

namespace hypergen::ejs {

using native::Array;
using native::Builtin;
using native::Function;
using native::Object;
using native::Scope;
using native::Value;
using subset::Node;
using subset::Op;
using Kind = Value::Kind;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kMaxString = 16u << 20;  // longer results: leave them to the engine
constexpr std::uint64_t kMaxSteps = 50'000'000;
constexpr int kMaxDepth = 200;

enum class Flow { kNormal, kReturn, kBreak, kContinue, kAbort };

Value builtin(Builtin b, std::string_view name = {}) {
  auto f = std::make_shared<Function>();
  f->builtin = b;
  f->name = name;
  return Value(std::move(f));
}

std::shared_ptr<Object> make_helpers() {
  static constexpr std::string_view kChangeCase[][2] = {{"no", "noCase"},
                                                        {"dot", "dotCase"},
                                                        {"swap", "swapCase"},
                                                        {"path", "pathCase"},
                                                        {"upper", "upperCase"},
                                                        {"lower", "lowerCase"},
                                                        {"camel", "camelCase"},
                                                        {"snake", "snakeCase"},
                                                        {"title", "titleCase"},
                                                        {"param", "paramCase"},
                                                        {"header", "headerCase"},
                                                        {"pascal", "pascalCase"},
                                                        {"constant", "constantCase"},
                                                        {"sentence", "sentenceCase"},
                                                        {"isUpper", "isUpperCase"},
                                                        {"isLower", "isLowerCase"},
                                                        {"ucFirst", "upperCaseFirst"},
                                                        {"lcFirst", "lowerCaseFirst"}};
  auto cc = std::make_shared<Object>();
  for (const auto& pair : kChangeCase) {
    cc->set(std::string(pair[0]), builtin(Builtin::kChangeCase, pair[0]));
    cc->set(std::string(pair[1]), builtin(Builtin::kChangeCase, pair[0]));
    if (pair[0] == "param") {
      for (std::string_view alias : {"kebab", "kebabCase", "hyphen", "hyphenCase"}) {
        cc->set(std::string(alias), builtin(Builtin::kChangeCase, "param"));
      }
    }
  }
  auto inf = std::make_shared<Object>();
  for (std::string_view fn : {"pluralize", "singularize"}) {
    inf->set(std::string(fn), builtin(Builtin::kInflection, fn));
  }
  inf->set("inflect", builtin(Builtin::kUnsupported));
  for (std::string_view fn :
       {"camelize", "underscore", "humanize", "capitalize", "dasherize", "titleize", "demodulize",
        "tableize", "classify", "foreign_key", "ordinalize"}) {
    inf->set(std::string(fn), builtin(Builtin::kInflection, fn));
  }
  inf->set("transform", builtin(Builtin::kUnsupported));
  inf->set("indexOf", builtin(Builtin::kUnsupported));
  inf->set("version", Value(std::string("1.13.1")));
  inf->set("undasherize", builtin(Builtin::kInflection, "undasherize"));
  auto path = std::make_shared<Object>();
  path->set("sep", Value(std::string("/")));
  path->set("delimiter", Value(std::string(":")));
  path->set("resolve", builtin(Builtin::kPathResolve));
  path->set("normalize", builtin(Builtin::kPathNormalize));
  path->set("isAbsolute", builtin(Builtin::kPathIsAbsolute));
  path->set("join", builtin(Builtin::kPathJoin));
  path->set("relative", builtin(Builtin::kPathRelative));
  path->set("dirname", builtin(Builtin::kPathDirname));
  path->set("basename", builtin(Builtin::kPathBasename));
  path->set("extname", builtin(Builtin::kPathExtname));
  path->set("parse", builtin(Builtin::kPathParse));
  path->set("format", builtin(Builtin::kPathFormat));
  path->set("toNamespacedPath", builtin(Builtin::kPathToNamespaced));
  path->set("posix", Value(path));  // a cycle, broken in ~Impl
  auto h = std::make_shared<Object>();
  h->set("capitalize", builtin(Builtin::kCapitalize));
  h->set("inflection", Value(inf));
  h->set("changeCase", Value(cc));
  h->set("path", Value(path));
  return h;
}

Value from_liquid(const liquid::Value& v) {
  using LK = liquid::Value::Kind;
  switch (v.kind()) {
    case LK::kNil:
      return Value(native::Null{});
    case LK::kBool:
      return Value(v.as_bool());
    case LK::kInt:
      return Value(static_cast<double>(v.as_int()));
    case LK::kFloat:
      return Value(v.as_float());
    case LK::kString:
      return Value(v.as_string());
    case LK::kArray: {
      auto a = std::make_shared<Array>();
      a->items.reserve(v.as_array().size());
      for (const auto& item : v.as_array()) a->items.push_back(from_liquid(item));
      return Value(std::move(a));
    }
    case LK::kObject: {
      auto o = std::make_shared<Object>();
      o->props.reserve(v.as_object().size());
      for (const auto& [k, item] : v.as_object()) o->props.emplace_back(k, from_liquid(item));
      return Value(std::move(o));
    }
  }
  return Value();
}

// A canonical array index ("0", "12"), or -1.
long long index_of_key(std::string_view key) {
  if (key.empty() || key.size() > 15 || (key.size() > 1 && key[0] == '0')) return -1;
  long long n = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

double to_integer(double d) {
  if (std::isnan(d)) return 0;
  return std::trunc(d);
}

// Clamps a relative index as slice() does.
std::size_t relative_index(double rel, std::size_t len) {
  double l = static_cast<double>(len);
  if (rel < 0) return static_cast<std::size_t>(std::max(l + rel, 0.0));
  return static_cast<std::size_t>(std::min(rel, l));
}

// Resolves "." and ".." in a path without a leading slash (prelude's
// normalizeSegments).
std::string normalize_segments(std::string_view p, bool allow_above_root) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (true) {
    std::size_t slash = p.find('/', pos);
    std::string_view part = p.substr(pos, slash == std::string_view::npos ? slash : slash - pos);
    if (part == "..") {
      if (!out.empty() && out.back() != "..") {
        out.pop_back();
      } else if (allow_above_root) {
        out.push_back(part);
      }
    } else if (!part.empty() && part != ".") {
      out.push_back(part);
    }
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  std::string joined;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i) joined += '/';
    joined += out[i];
  }
  return joined;
}

std::string path_normalize(std::string_view p) {
  if (p.empty()) return ".";
  bool absolute = p.front() == '/';
  bool trailing = p.back() == '/';
  std::string s = normalize_segments(p, !absolute);
  if (s.empty()) {
    if (absolute) return "/";
    return trailing ? "./" : ".";
  }
  if (trailing) s += '/';
  return absolute ? "/" + s : s;
}

std::string path_basename(std::string_view p, const std::string* suffix) {
  std::size_t end = p.size();
  while (end > 0 && p[end - 1] == '/') --end;
  if (end == 0) return "";
  std::size_t slash = p.rfind('/', end - 1);
  std::size_t start = slash == std::string_view::npos ? 0 : slash + 1;
  std::string base(p.substr(start, end - start));
  if (suffix && !suffix->empty() && liquid::utf16_length(*suffix) <= liquid::utf16_length(p)) {
    if (*suffix == p) return "";
    if (base != *suffix && liquid::utf16_length(base) > liquid::utf16_length(*suffix) &&
        base.ends_with(*suffix)) {
      return base.substr(0, base.size() - suffix->size());
    }
  }
  return base;
}

std::string path_extname(std::string_view p) {
  std::string base = path_basename(p, nullptr);
  std::size_t dot = base.rfind('.');
  if (dot == std::string::npos || dot == 0) return "";
  if (base == "..") return "";
  return base.substr(dot);
}

std::string path_dirname(std::string_view p) {
  if (p.empty()) return ".";
  bool has_root = p.front() == '/';
  std::size_t end = std::string_view::npos;
  bool matched_slash = true;
  for (std::size_t i = p.size() - 1; i >= 1; --i) {
    if (p[i] == '/') {
      if (!matched_slash) {
        end = i;
        break;
      }
    } else {
      matched_slash = false;
    }
  }
  if (end == std::string_view::npos) return has_root ? "/" : ".";
  if (has_root && end == 1) return "//";
  return std::string(p.substr(0, end));
}

}  // namespace

std::shared_ptr<const NativeTemplate> analyze(std::string_view text) {
  auto out = std::make_shared<NativeTemplate>();
  auto body = compile_body(text);
  if (!body) {
    out->compile_error = std::make_unique<Error>(body.error());
    return out;
  }
  auto program = subset::parse_program(body->body);
  if (!program) {
    out->unsupported = program.error().message;
    return out;
  }
  out->program = std::move(*program);
  return out;
}

struct NativeRenderer::Impl {
  std::string cwd;
  std::shared_ptr<Object> helpers = make_helpers();

  // Per render.
  std::string out;
  int line = 1;
  bool failed = false;
  NativeOutcome::Kind fail_kind = NativeOutcome::Kind::kOk;
  std::string fail_message;
  std::uint64_t steps = 0;
  int depth = 0;
  Value ret;
  std::vector<std::shared_ptr<Scope>> scopes;  // cleared after a render (closures make cycles)

  ~Impl() {
    if (Value* p = helpers->find("path")) p->as_object()->props.clear();
  }

  // ---- failures ---------------------------------------------------------
  Value bail(std::string why) {
    if (!failed) {
      failed = true;
      fail_kind = NativeOutcome::Kind::kBail;
      fail_message = std::move(why);
    }
    return Value();
  }
  Value throw_error(std::string message) {
    if (!failed) {
      failed = true;
      fail_kind = NativeOutcome::Kind::kError;
      fail_message = std::move(message);
    }
    return Value();
  }
  bool step() {
    if (++steps > kMaxSteps) {
      bail("too many steps");
      return false;
    }
    return true;
  }

  // ---- conversions ------------------------------------------------------
  std::string to_string(const Value& v) {
    switch (v.kind()) {
      case Kind::kUndefined:
        return "undefined";
      case Kind::kNull:
        return "null";
      case Kind::kBool:
        return v.as_bool() ? "true" : "false";
      case Kind::kNumber:
        return native::number_to_string(v.as_number());
      case Kind::kString:
        return v.as_string();
      case Kind::kArray:
        return join(*v.as_array(), ",");
      case Kind::kObject:
        return "[object Object]";
      case Kind::kFunction:
        bail("a function converted to a string");
        return "";
    }
    return "";
  }

  std::string join(const Array& a, std::string_view sep) {
    std::string s;
    for (std::size_t i = 0; i < a.items.size() && !failed; ++i) {
      if (i) s += sep;
      if (!a.items[i].nullish()) s += to_string(a.items[i]);
      if (s.size() > kMaxString) bail("string too long");
    }
    return s;
  }

  Value to_primitive(const Value& v) {
    if (v.is(Kind::kArray) || v.is(Kind::kObject) || v.is(Kind::kFunction)) {
      return Value(to_string(v));
    }
    return v;
  }

  double to_number(const Value& v) {
    switch (v.kind()) {
      case Kind::kUndefined:
        return kNaN;
      case Kind::kNull:
        return 0;
      case Kind::kBool:
        return v.as_bool() ? 1 : 0;
      case Kind::kNumber:
        return v.as_number();
      case Kind::kString:
        return native::string_to_number(v.as_string());
      default:
        return to_number(to_primitive(v));
    }
  }

  static bool truthy(const Value& v) {
    switch (v.kind()) {
      case Kind::kUndefined:
      case Kind::kNull:
        return false;
      case Kind::kBool:
        return v.as_bool();
      case Kind::kNumber:
        return v.as_number() != 0 && !std::isnan(v.as_number());
      case Kind::kString:
        return !v.as_string().empty();
      default:
        return true;
    }
  }

  static bool strict_equal(const Value& a, const Value& b) {
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
      case Kind::kUndefined:
      case Kind::kNull:
        return true;
      case Kind::kBool:
        return a.as_bool() == b.as_bool();
      case Kind::kNumber:
        return a.as_number() == b.as_number();
      case Kind::kString:
        return a.as_string() == b.as_string();
      case Kind::kArray:
        return a.as_array() == b.as_array();
      case Kind::kObject:
        return a.as_object() == b.as_object();
      case Kind::kFunction:
        return a.as_function() == b.as_function();
    }
    return false;
  }

  static bool same_value_zero(const Value& a, const Value& b) {
    if (a.is(Kind::kNumber) && b.is(Kind::kNumber) && std::isnan(a.as_number()) &&
        std::isnan(b.as_number())) {
      return true;
    }
    return strict_equal(a, b);
  }

  bool loose_equal(const Value& a, const Value& b) {
    if (a.kind() == b.kind()) return strict_equal(a, b);
    if (a.nullish() || b.nullish()) return a.nullish() && b.nullish();
    if (a.is(Kind::kBool)) return loose_equal(Value(a.as_bool() ? 1.0 : 0.0), b);
    if (b.is(Kind::kBool)) return loose_equal(a, Value(b.as_bool() ? 1.0 : 0.0));
    if (a.is(Kind::kNumber) && b.is(Kind::kString)) return a.as_number() == to_number(b);
    if (a.is(Kind::kString) && b.is(Kind::kNumber)) return to_number(a) == b.as_number();
    bool a_obj = a.is(Kind::kArray) || a.is(Kind::kObject) || a.is(Kind::kFunction);
    bool b_obj = b.is(Kind::kArray) || b.is(Kind::kObject) || b.is(Kind::kFunction);
    if (a_obj && b_obj) return false;  // different kinds of objects
    if (a_obj) return loose_equal(to_primitive(a), b);
    if (b_obj) return loose_equal(a, to_primitive(b));
    return false;
  }

  // a < b (or with `swap`, b < a); undefined (NaN) compares false.
  bool less(const Value& a, const Value& b, bool or_equal) {
    Value pa = to_primitive(a), pb = to_primitive(b);
    if (failed) return false;
    if (pa.is(Kind::kString) && pb.is(Kind::kString)) {
      const std::string& x = pa.as_string();
      const std::string& y = pb.as_string();
      int c;
      if (native::is_ascii(x) && native::is_ascii(y)) {
        c = x.compare(y);
      } else {
        c = native::to_utf16(x).compare(native::to_utf16(y));
      }
      return or_equal ? c <= 0 : c < 0;
    }
    double x = to_number(pa), y = to_number(pb);
    return or_equal ? x <= y : x < y;
  }

  Value add(const Value& a, const Value& b) {
    Value pa = to_primitive(a), pb = to_primitive(b);
    if (failed) return Value();
    if (pa.is(Kind::kString) || pb.is(Kind::kString)) {
      std::string s = to_string(pa);
      s += to_string(pb);
      if (s.size() > kMaxString) return bail("string too long");
      return Value(std::move(s));
    }
    return Value(to_number(pa) + to_number(pb));
  }

  Value arithmetic(Op op, const Value& a, const Value& b) {
    if (op == Op::kAdd) return add(a, b);
    double x = to_number(a), y = to_number(b);
    switch (op) {
      case Op::kSub:
        return Value(x - y);
      case Op::kMul:
        return Value(x * y);
      case Op::kDiv:
        return Value(x / y);
      case Op::kMod:
        return Value(std::fmod(x, y));
      default:
        return bail("operator");
    }
  }

  static const char* type_of(const Value& v) {
    switch (v.kind()) {
      case Kind::kUndefined:
        return "undefined";
      case Kind::kBool:
        return "boolean";
      case Kind::kNumber:
        return "number";
      case Kind::kString:
        return "string";
      case Kind::kFunction:
        return "function";
      default:
        return "object";
    }
  }

  std::string u8(std::u16string_view s) {
    std::string r;
    if (!native::from_utf16(s, r)) bail("a string method split a surrogate pair");
    return r;
  }

  // ---- names ------------------------------------------------------------
  static Value* lookup(Scope* s, std::string_view name) {
    for (; s; s = s->parent.get()) {
      if (s->with) {
        if (Value* v = s->with->find(name)) return v;
        continue;
      }
      for (auto& [n, v] : s->vars) {
        if (n == name) return &v;
      }
    }
    return nullptr;
  }

  static bool global(std::string_view name, Value& out) {
    if (name == "undefined") {
      out = Value();
    } else if (name == "NaN") {
      out = Value(kNaN);
    } else if (name == "Infinity") {
      out = Value(std::numeric_limits<double>::infinity());
    } else if (name == "String") {
      out = builtin(Builtin::kString);
    } else if (name == "Number") {
      out = builtin(Builtin::kNumber);
    } else if (name == "Boolean") {
      out = builtin(Builtin::kBoolean);
    } else if (name == "parseInt") {
      out = builtin(Builtin::kParseInt);
    } else if (name == "isNaN") {
      out = builtin(Builtin::kIsNaN);
    } else {
      return false;
    }
    return true;
  }

  Value read_name(Scope* s, const std::string& name, bool for_typeof) {
    if (Value* v = lookup(s, name)) return *v;
    Value g;
    if (global(name, g)) return g;
    if (for_typeof) return Value();
    return throw_error("ReferenceError: " + name + " is not defined");
  }

  Value* slot(Scope* s, const std::string& name) {
    Value* v = lookup(s, name);
    if (!v) bail("assignment to an undeclared name (a global)");
    return v;
  }

  // ---- statements -------------------------------------------------------
  Flow exec_list(const std::vector<const Node*>& list, Scope* s) {
    for (const Node* n : list) {
      Flow f = exec(n, s);
      if (f != Flow::kNormal) return f;
    }
    return Flow::kNormal;
  }

  Flow exec(const Node* n, Scope* s) {
    if (failed) return Flow::kAbort;
    switch (n->kind) {
      case Node::Kind::kEmpty:
        return Flow::kNormal;
      case Node::Kind::kLine:
        line = static_cast<int>(n->number);
        return Flow::kNormal;
      case Node::Kind::kAppend: {
        Value v = eval(n->kids[0], s);
        if (failed) return Flow::kAbort;
        if (n->flag) {
          if (!v.nullish()) escape_into(to_string(v));
        } else if (!v.nullish()) {
          out += to_string(to_primitive(v));
        }
        if (out.size() > kMaxString) bail("output too long");
        return failed ? Flow::kAbort : Flow::kNormal;
      }
      case Node::Kind::kExpression:
        eval(n->kids[0], s);
        return failed ? Flow::kAbort : Flow::kNormal;
      case Node::Kind::kVar:
        for (std::size_t i = 0; i < n->names.size(); ++i) {
          if (!n->kids[i]) continue;
          Value v = eval(n->kids[i], s);
          if (failed) return Flow::kAbort;
          Value* target = slot(s, n->names[i]);
          if (failed) return Flow::kAbort;
          *target = std::move(v);
        }
        return Flow::kNormal;
      case Node::Kind::kIf: {
        Value t = eval(n->kids[0], s);
        if (failed) return Flow::kAbort;
        if (truthy(t)) return exec(n->kids[1], s);
        if (n->kids[2]) return exec(n->kids[2], s);
        return Flow::kNormal;
      }
      case Node::Kind::kBlock:
        return exec_list(n->kids, s);
      case Node::Kind::kFor: {
        if (n->kids[0]) {
          Flow f = exec(n->kids[0], s);
          if (f != Flow::kNormal) return f;
        }
        while (true) {
          if (!step()) return Flow::kAbort;
          if (n->kids[1]) {
            Value t = eval(n->kids[1], s);
            if (failed) return Flow::kAbort;
            if (!truthy(t)) break;
          }
          Flow f = exec(n->kids[3], s);
          if (f == Flow::kBreak) break;
          if (f == Flow::kReturn || f == Flow::kAbort) return f;
          if (n->kids[2]) {
            eval(n->kids[2], s);
            if (failed) return Flow::kAbort;
          }
        }
        return Flow::kNormal;
      }
      case Node::Kind::kReturn:
        ret = n->kids[0] ? eval(n->kids[0], s) : Value();
        return failed ? Flow::kAbort : Flow::kReturn;
      case Node::Kind::kBreak:
        return Flow::kBreak;
      case Node::Kind::kContinue:
        return Flow::kContinue;
      default:
        bail("statement kind");
        return Flow::kAbort;
    }
  }

  void escape_into(const std::string& s) { liquid::append_escaped_html(out, s); }

  // ---- expressions ------------------------------------------------------
  Value eval(const Node* n, Scope* s) {
    if (failed) return Value();
    switch (n->kind) {
      case Node::Kind::kNumber:
        return Value(n->number);
      case Node::Kind::kString:
        return Value(n->text);
      case Node::Kind::kBool:
        return Value(n->flag);
      case Node::Kind::kNull:
        return Value(native::Null{});
      case Node::Kind::kIdent:
        return read_name(s, n->text, false);
      case Node::Kind::kArray: {
        auto a = std::make_shared<Array>();
        for (const Node* k : n->kids) {
          a->items.push_back(eval(k, s));
          if (failed) return Value();
        }
        return Value(std::move(a));
      }
      case Node::Kind::kObject: {
        auto o = std::make_shared<Object>();
        for (std::size_t i = 0; i < n->kids.size(); ++i) {
          Value v = eval(n->kids[i], s);
          if (failed) return Value();
          o->props.emplace_back(n->names[i], std::move(v));
        }
        return Value(std::move(o));
      }
      case Node::Kind::kFunction: {
        auto f = std::make_shared<Function>();
        f->node = n;
        f->scope = share(s);
        return Value(std::move(f));
      }
      case Node::Kind::kMember: {
        Value obj = eval(n->kids[0], s);
        if (failed) return Value();
        return get(obj, n->text);
      }
      case Node::Kind::kIndex: {
        Value obj = eval(n->kids[0], s);
        if (failed) return Value();
        Value key = eval(n->kids[1], s);
        if (failed) return Value();
        return get(obj, key_string(key));
      }
      case Node::Kind::kCall:
        return call_expression(n, s);
      case Node::Kind::kUnary: {
        if (n->op == Op::kTypeof && n->kids[0]->kind == Node::Kind::kIdent) {
          Value v = read_name(s, n->kids[0]->text, true);
          return Value(std::string(type_of(v)));
        }
        Value v = eval(n->kids[0], s);
        if (failed) return Value();
        switch (n->op) {
          case Op::kNot:
            return Value(!truthy(v));
          case Op::kNeg:
            return Value(-to_number(v));
          case Op::kPlus:
            return Value(to_number(v));
          case Op::kTypeof:
            return Value(std::string(type_of(v)));
          default:
            return bail("unary operator");
        }
      }
      case Node::Kind::kBinary: {
        Value a = eval(n->kids[0], s);
        if (failed) return Value();
        Value b = eval(n->kids[1], s);
        if (failed) return Value();
        switch (n->op) {
          case Op::kEq:
            return Value(loose_equal(a, b));
          case Op::kNe:
            return Value(!loose_equal(a, b));
          case Op::kStrictEq:
            return Value(strict_equal(a, b));
          case Op::kStrictNe:
            return Value(!strict_equal(a, b));
          case Op::kLt:
            return Value(less(a, b, false));
          case Op::kGt:
            return Value(less(b, a, false));
          case Op::kLe:
            return Value(less(a, b, true));
          case Op::kGe:
            return Value(less(b, a, true));
          default:
            return arithmetic(n->op, a, b);
        }
      }
      case Node::Kind::kLogical: {
        Value a = eval(n->kids[0], s);
        if (failed) return Value();
        bool take_left = n->op == Op::kAnd  ? !truthy(a)
                         : n->op == Op::kOr ? truthy(a)
                                            : !a.nullish();
        if (take_left) return a;
        return eval(n->kids[1], s);
      }
      case Node::Kind::kConditional: {
        Value t = eval(n->kids[0], s);
        if (failed) return Value();
        return eval(truthy(t) ? n->kids[1] : n->kids[2], s);
      }
      case Node::Kind::kAssign: {
        Value v;
        if (n->op != Op::kNone) {
          Value* cur = slot(s, n->text);
          if (failed) return Value();
          Value old = *cur;
          Value rhs = eval(n->kids[0], s);
          if (failed) return Value();
          v = arithmetic(n->op, old, rhs);
        } else {
          v = eval(n->kids[0], s);
        }
        if (failed) return Value();
        Value* target = slot(s, n->text);
        if (failed) return Value();
        *target = v;
        return v;
      }
      case Node::Kind::kUpdate: {
        Value* target = slot(s, n->text);
        if (failed) return Value();
        double old = to_number(*target);
        double now = n->op == Op::kInc ? old + 1 : old - 1;
        *target = Value(now);
        return Value(n->flag ? now : old);
      }
      default:
        return bail("expression kind");
    }
  }

  static std::shared_ptr<Scope> share(Scope* s) { return s->shared_from_this(); }

  std::string key_string(const Value& key) {
    if (key.is(Kind::kNumber)) return native::number_to_string(key.as_number());
    return to_string(key);
  }

  // obj[key] for a property read (not a method call).
  Value get(const Value& obj, const std::string& key) {
    if (subset::is_object_prototype_name(key)) return bail("an Object.prototype property");
    switch (obj.kind()) {
      case Kind::kString: {
        const std::string& str = obj.as_string();
        if (key == "length") {
          return Value(
              static_cast<double>(native::is_ascii(str) ? str.size() : liquid::utf16_length(str)));
        }
        long long i = index_of_key(key);
        if (i < 0) return bail("a string property other than length or an index");
        if (native::is_ascii(str)) {
          if (static_cast<std::size_t>(i) >= str.size()) return Value();
          return Value(std::string(1, str[static_cast<std::size_t>(i)]));
        }
        std::u16string u = native::to_utf16(str);
        if (static_cast<std::size_t>(i) >= u.size()) return Value();
        return Value(u8(std::u16string_view(u).substr(static_cast<std::size_t>(i), 1)));
      }
      case Kind::kArray: {
        const auto& items = obj.as_array()->items;
        if (key == "length") return Value(static_cast<double>(items.size()));
        long long i = index_of_key(key);
        if (i < 0) return bail("an array property other than length or an index");
        if (static_cast<std::size_t>(i) >= items.size()) return Value();
        return items[static_cast<std::size_t>(i)];
      }
      case Kind::kObject: {
        if (Value* v = obj.as_object()->find(key)) return *v;
        return Value();
      }
      default:
        return bail(std::string("a property of ") + type_of(obj) + " (TypeError or prototype)");
    }
  }

  Value call_expression(const Node* n, Scope* s) {
    const Node* callee = n->kids[0];
    Value this_value;
    std::string method;
    Value fn;
    if (callee->kind == Node::Kind::kMember || callee->kind == Node::Kind::kIndex) {
      this_value = eval(callee->kids[0], s);
      if (failed) return Value();
      if (callee->kind == Node::Kind::kMember) {
        method = callee->text;
      } else {
        Value key = eval(callee->kids[1], s);
        if (failed) return Value();
        method = key_string(key);
      }
    } else {
      fn = eval(callee, s);
      if (failed) return Value();
    }
    std::vector<Value> args;
    args.reserve(n->kids.size() - 1);
    for (std::size_t i = 1; i < n->kids.size(); ++i) {
      args.push_back(eval(n->kids[i], s));
      if (failed) return Value();
    }
    if (!method.empty() || callee->kind == Node::Kind::kMember ||
        callee->kind == Node::Kind::kIndex) {
      switch (this_value.kind()) {
        case Kind::kString:
          return string_method(this_value.as_string(), method, args);
        case Kind::kArray:
          return array_method(this_value, method, args);
        case Kind::kNumber:
        case Kind::kBool:
          if (method == "toString" && args.empty()) return Value(to_string(this_value));
          return bail("a method of a number or boolean");
        case Kind::kObject: {
          if (subset::is_object_prototype_name(method)) return bail("an Object.prototype method");
          Value* f = this_value.as_object()->find(method);
          if (!f || !f->is(Kind::kFunction)) return bail("not a function (TypeError)");
          fn = *f;
          break;
        }
        default:
          return bail("a method call on undefined, null or a function");
      }
    }
    if (!fn.is(Kind::kFunction)) return bail("not a function (TypeError)");
    return call(fn, args);
  }

  Value call(const Value& fn, std::vector<Value>& args) {
    const Function& f = *fn.as_function();
    if (f.builtin != Builtin::kClosure) return call_builtin(f, args);
    if (!step()) return Value();
    if (depth >= kMaxDepth) return bail("deep recursion");
    const Node* node = f.node;
    auto scope = std::make_shared<Scope>();
    scope->parent = f.scope;
    for (std::size_t i = 0; i < node->names.size(); ++i) {
      Value v = i < args.size() ? args[i] : Value();
      bool dup = false;
      for (auto& [name, val] : scope->vars) {
        if (name == node->names[i]) {
          val = v;
          dup = true;
        }
      }
      if (!dup) scope->vars.emplace_back(node->names[i], std::move(v));
    }
    for (const std::string& var : node->hoisted) {
      bool exists = std::any_of(scope->vars.begin(), scope->vars.end(),
                                [&](const auto& p) { return p.first == var; });
      if (!exists) scope->vars.emplace_back(var, Value());
    }
    scopes.push_back(scope);
    ++depth;
    Value result;
    if (node->flag) {
      result = eval(node->kids[0], scope.get());
    } else {
      Flow flow = exec_list(node->kids, scope.get());
      if (flow == Flow::kReturn) result = std::move(ret);
      ret = Value();
    }
    --depth;
    return failed ? Value() : result;
  }

  Value callback(const Value& fn, const Value& item, std::size_t i, const Value& array) {
    std::vector<Value> args{item, Value(static_cast<double>(i)), array};
    return call(fn, args);
  }

  // ---- String.prototype -------------------------------------------------
  static const Value& arg(const std::vector<Value>& a, std::size_t i) {
    static const Value kUndefined;
    return i < a.size() ? a[i] : kUndefined;
  }

  Value string_method(const std::string& str, const std::string& m, std::vector<Value>& a) {
    if (m == "toString") return Value(str);
    if (m == "toUpperCase" || m == "toLowerCase") {
      bool upper = m == "toUpperCase";
      if (native::is_ascii(str)) {
        std::string r = str;
        for (char& c : r) c = static_cast<char>(upper ? std::toupper(c) : std::tolower(c));
        return Value(std::move(r));
      }
      if (!upper && (str.find("\xCE\xA3") != std::string::npos ||
                     str.find("\xC4\xB0") != std::string::npos)) {
        return bail("context-dependent lower-casing");
      }
      return Value(upper ? liquid::change_case::upper(str) : liquid::change_case::lower(str));
    }
    if (m == "concat") {
      std::string r = str;
      for (const Value& v : a) r += to_string(v);
      return Value(std::move(r));
    }
    if (m == "replace" || m == "replaceAll") return replace(str, m == "replaceAll", a);
    std::u16string u = native::to_utf16(str);
    double len = static_cast<double>(u.size());
    auto pos_arg = [&](std::size_t i, double dflt) {
      const Value& v = arg(a, i);
      return v.is(Kind::kUndefined) ? dflt : to_integer(to_number(v));
    };
    auto clamp = [&](double d) { return static_cast<std::size_t>(std::clamp(d, 0.0, len)); };
    if (m == "trim" || m == "trimStart" || m == "trimEnd" || m == "trimLeft" || m == "trimRight") {
      std::size_t b = 0, e = u.size();
      if (m != "trimEnd" && m != "trimRight") {
        while (b < e && liquid::is_js_space(u[b])) ++b;
      }
      if (m != "trimStart" && m != "trimLeft") {
        while (e > b && liquid::is_js_space(u[e - 1])) --e;
      }
      return Value(u8(std::u16string_view(u).substr(b, e - b)));
    }
    if (m == "charAt" || m == "charCodeAt" || m == "at") {
      double p = pos_arg(0, 0);
      if (m == "at" && p < 0) p += len;
      bool out_of_range = p < 0 || p >= len;
      if (m == "charCodeAt")
        return Value(out_of_range ? kNaN : static_cast<double>(u[static_cast<std::size_t>(p)]));
      if (out_of_range) return m == "at" ? Value() : Value(std::string());
      return Value(u8(std::u16string_view(u).substr(static_cast<std::size_t>(p), 1)));
    }
    if (m == "indexOf" || m == "includes" || m == "startsWith" || m == "endsWith" ||
        m == "lastIndexOf") {
      std::u16string search = native::to_utf16(to_string(arg(a, 0)));
      if (failed) return Value();
      if (m == "lastIndexOf") {
        double n = to_number(arg(a, 1));
        double p = std::isnan(n) ? len : to_integer(n);
        std::size_t start = clamp(p);
        std::size_t r = u.rfind(search, start);
        return Value(r == std::u16string::npos ? -1.0 : static_cast<double>(r));
      }
      if (m == "endsWith") {
        std::size_t end = clamp(pos_arg(1, len));
        if (search.size() > end) return Value(false);
        return Value(u.compare(end - search.size(), search.size(), search) == 0);
      }
      std::size_t start = clamp(pos_arg(1, 0));
      if (m == "startsWith") {
        return Value(start + search.size() <= u.size() &&
                     u.compare(start, search.size(), search) == 0);
      }
      std::size_t r = u.find(search, start);
      if (m == "includes") return Value(r != std::u16string::npos);
      return Value(r == std::u16string::npos ? -1.0 : static_cast<double>(r));
    }
    if (m == "slice") {
      std::size_t from = relative_index(pos_arg(0, 0), u.size());
      std::size_t to = relative_index(pos_arg(1, len), u.size());
      if (to <= from) return Value(std::string());
      return Value(u8(std::u16string_view(u).substr(from, to - from)));
    }
    if (m == "substring") {
      std::size_t from = clamp(pos_arg(0, 0));
      std::size_t to = clamp(pos_arg(1, len));
      if (from > to) std::swap(from, to);
      return Value(u8(std::u16string_view(u).substr(from, to - from)));
    }
    if (m == "substr") {
      std::size_t from = relative_index(pos_arg(0, 0), u.size());
      double count = std::clamp(pos_arg(1, len), 0.0, len - static_cast<double>(from));
      return Value(u8(std::u16string_view(u).substr(from, static_cast<std::size_t>(count))));
    }
    if (m == "padStart" || m == "padEnd") {
      double max = to_integer(to_number(arg(a, 0)));
      if (max <= len) return Value(str);
      if (max > 1e7) return bail("huge padding");
      std::u16string fill = arg(a, 1).is(Kind::kUndefined) ? u""
                                                             u" "
                                                           : native::to_utf16(to_string(arg(a, 1)));
      if (fill.empty()) return Value(str);
      std::size_t need = static_cast<std::size_t>(max) - u.size();
      std::u16string pad;
      while (pad.size() < need) pad += fill;
      pad.resize(need);
      return Value(u8(m == "padStart" ? pad + u : u + pad));
    }
    if (m == "repeat") {
      double n = to_integer(to_number(arg(a, 0)));
      if (n < 0 || std::isinf(n) || n * static_cast<double>(str.size()) > 1e7) {
        return bail("repeat count");
      }
      std::string r;
      for (double i = 0; i < n; ++i) r += str;
      return Value(std::move(r));
    }
    if (m == "split") {
      auto result = std::make_shared<Array>();
      double lim = arg(a, 1).is(Kind::kUndefined) ? 4294967295.0 : to_number(arg(a, 1));
      std::uint32_t limit =
          std::isnan(lim) || std::isinf(lim)
              ? 0u
              : static_cast<std::uint32_t>(static_cast<std::int64_t>(std::trunc(lim)));
      if (arg(a, 0).is(Kind::kUndefined)) {
        if (limit > 0) result->items.push_back(Value(str));
        return Value(result);
      }
      std::u16string sep = native::to_utf16(to_string(arg(a, 0)));
      if (failed || limit == 0) return Value(result);
      if (sep.empty()) {
        for (std::size_t i = 0; i < u.size() && result->items.size() < limit; ++i) {
          result->items.push_back(Value(u8(std::u16string_view(u).substr(i, 1))));
        }
        return Value(result);
      }
      if (u.empty()) {
        result->items.push_back(Value(std::string()));
        return Value(result);
      }
      std::size_t pos = 0;
      while (result->items.size() < limit) {
        std::size_t hit = u.find(sep, pos);
        if (hit == std::u16string::npos) {
          result->items.push_back(Value(u8(std::u16string_view(u).substr(pos))));
          break;
        }
        result->items.push_back(Value(u8(std::u16string_view(u).substr(pos, hit - pos))));
        pos = hit + sep.size();
      }
      return Value(result);
    }
    return bail("the string method " + m);
  }

  // String.prototype.replace / replaceAll with a string pattern.
  Value replace(const std::string& str, bool all, std::vector<Value>& a) {
    std::string search = to_string(arg(a, 0));
    const Value& repl = arg(a, 1);
    bool fn = repl.is(Kind::kFunction);
    std::string repl_text = fn ? std::string() : to_string(repl);
    if (failed) return Value();
    if (all && search.empty() && !native::is_ascii(str)) return bail("replaceAll('') on non-ASCII");
    std::vector<std::size_t> hits;
    for (std::size_t pos = 0; pos <= str.size();) {
      std::size_t hit = str.find(search, pos);
      if (hit == std::string::npos) break;
      hits.push_back(hit);
      if (!all) break;
      pos = hit + std::max<std::size_t>(search.size(), 1);
    }
    if (hits.empty()) return Value(str);
    std::string r;
    std::size_t last = 0;
    for (std::size_t hit : hits) {
      r.append(str, last, hit - last);
      if (fn) {
        std::vector<Value> args{
            Value(search),
            Value(static_cast<double>(liquid::utf16_length(std::string_view(str).substr(0, hit)))),
            Value(str)};
        Value v = call(repl, args);
        if (failed) return Value();
        r += to_string(v);
      } else {
        for (std::size_t i = 0; i < repl_text.size(); ++i) {
          char c = repl_text[i];
          char d = i + 1 < repl_text.size() ? repl_text[i + 1] : '\0';
          if (c != '$' || i + 1 >= repl_text.size()) {
            r += c;
          } else if (d == '$') {
            r += '$';
            ++i;
          } else if (d == '&') {
            r += search;
            ++i;
          } else if (d == '`') {
            r.append(str, 0, hit);
            ++i;
          } else if (d == '\'') {
            r.append(str, std::min(hit + search.size(), str.size()));
            ++i;
          } else {
            r += c;
          }
        }
      }
      last = hit + search.size();
      if (r.size() > kMaxString) return bail("string too long");
    }
    r.append(str, std::min(last, str.size()));
    return Value(std::move(r));
  }

  // ---- Array.prototype --------------------------------------------------
  Value array_method(const Value& self, const std::string& m, std::vector<Value>& a) {
    Array& arr = *self.as_array();
    std::size_t len = arr.items.size();
    if (m == "join" || m == "toString") {
      std::string sep =
          m == "toString" || arg(a, 0).is(Kind::kUndefined) ? "," : to_string(arg(a, 0));
      return Value(join(arr, sep));
    }
    if (m == "push") {
      for (Value& v : a) arr.items.push_back(std::move(v));
      return Value(static_cast<double>(arr.items.size()));
    }
    if (m == "reverse") {
      std::reverse(arr.items.begin(), arr.items.end());
      return self;
    }
    if (m == "slice") {
      auto pos_arg = [&](std::size_t i, double dflt) {
        const Value& v = arg(a, i);
        return v.is(Kind::kUndefined) ? dflt : to_integer(to_number(v));
      };
      std::size_t from = relative_index(pos_arg(0, 0), len);
      std::size_t to = relative_index(pos_arg(1, static_cast<double>(len)), len);
      auto r = std::make_shared<Array>();
      if (to > from)
        r->items.assign(arr.items.begin() + static_cast<std::ptrdiff_t>(from),
                        arr.items.begin() + static_cast<std::ptrdiff_t>(to));
      return Value(r);
    }
    if (m == "concat") {
      auto r = std::make_shared<Array>(arr);
      for (const Value& v : a) {
        if (v.is(Kind::kArray)) {
          const auto& items = v.as_array()->items;
          r->items.insert(r->items.end(), items.begin(), items.end());
        } else {
          r->items.push_back(v);
        }
      }
      return Value(r);
    }
    if (m == "indexOf" || m == "includes" || m == "lastIndexOf") {
      const Value& target = arg(a, 0);
      if (m == "lastIndexOf") {
        double from = arg(a, 1).is(Kind::kUndefined) ? static_cast<double>(len) - 1
                                                     : to_integer(to_number(arg(a, 1)));
        if (from < 0) from += static_cast<double>(len);
        for (double i = std::min(from, static_cast<double>(len) - 1); i >= 0; --i) {
          if (strict_equal(arr.items[static_cast<std::size_t>(i)], target)) return Value(i);
        }
        return Value(-1.0);
      }
      double from = arg(a, 1).is(Kind::kUndefined) ? 0 : to_integer(to_number(arg(a, 1)));
      if (from < 0) from = std::max(0.0, from + static_cast<double>(len));
      for (std::size_t i = static_cast<std::size_t>(std::min(from, static_cast<double>(len)));
           i < len; ++i) {
        if (m == "includes" ? same_value_zero(arr.items[i], target)
                            : strict_equal(arr.items[i], target)) {
          return m == "includes" ? Value(true) : Value(static_cast<double>(i));
        }
      }
      return m == "includes" ? Value(false) : Value(-1.0);
    }
    if (m == "forEach" || m == "map" || m == "filter" || m == "some" || m == "every" ||
        m == "find" || m == "findIndex") {
      const Value& fn = arg(a, 0);
      if (!fn.is(Kind::kFunction)) return bail("a callback that is not a function (TypeError)");
      auto result = std::make_shared<Array>();
      for (std::size_t i = 0; i < len; ++i) {
        if (i >= arr.items.size()) return bail("an array that shrank during iteration");
        Value item = arr.items[i];
        Value r = callback(fn, item, i, self);
        if (failed) return Value();
        if (m == "map") {
          result->items.push_back(std::move(r));
        } else if (m == "filter") {
          if (truthy(r)) result->items.push_back(item);
        } else if (m == "some") {
          if (truthy(r)) return Value(true);
        } else if (m == "every") {
          if (!truthy(r)) return Value(false);
        } else if (m == "find") {
          if (truthy(r)) return item;
        } else if (m == "findIndex") {
          if (truthy(r)) return Value(static_cast<double>(i));
        }
      }
      if (m == "forEach" || m == "find") return Value();
      if (m == "some") return Value(false);
      if (m == "every") return Value(true);
      if (m == "findIndex") return Value(-1.0);
      return Value(result);
    }
    return bail("the array method " + m);
  }

  // ---- built-in functions (the prelude's h, a few globals) --------------
  bool need_string(const Value& v) {
    if (!v.is(Kind::kString)) {
      bail("a helper given a non-string (TypeError)");
      return false;
    }
    return true;
  }

  Value call_builtin(const Function& f, std::vector<Value>& a) {
    namespace cc = liquid::change_case;
    namespace in = liquid::inflection;
    switch (f.builtin) {
      case Builtin::kClosure:
      case Builtin::kUnsupported:
        return bail("a helper the native path does not implement");
      case Builtin::kCapitalize: {
        std::string s = to_string(arg(a, 0));
        if (failed) return Value();
        return Value(cc::upper_first(s));
      }
      case Builtin::kChangeCase: {
        const Value& v = arg(a, 0);
        std::string s = v.nullish() ? std::string() : to_string(v);
        if (failed) return Value();
        std::string_view fn = f.name;
        bool merge = truthy(arg(a, 2));
        if (fn == "no") return Value(cc::no_case(s));
        if (fn == "dot") return Value(cc::dot(s));
        if (fn == "swap") return Value(cc::swap(s));
        if (fn == "path") return Value(cc::path(s));
        if (fn == "upper") return Value(cc::upper(s));
        if (fn == "lower") return Value(cc::lower(s));
        if (fn == "camel") return Value(cc::camel(s, merge));
        if (fn == "snake") return Value(cc::snake(s));
        if (fn == "title") return Value(cc::title(s));
        if (fn == "param") return Value(cc::param(s));
        if (fn == "header") return Value(cc::header(s));
        if (fn == "pascal") return Value(cc::pascal(s, merge));
        if (fn == "constant") return Value(cc::constant(s));
        if (fn == "sentence") return Value(cc::sentence(s));
        if (fn == "isUpper") return Value(cc::is_upper(s));
        if (fn == "isLower") return Value(cc::is_lower(s));
        if (fn == "ucFirst") return Value(cc::upper_first(s));
        if (fn == "lcFirst") return Value(cc::lower_first(s));
        return bail("changeCase function");
      }
      case Builtin::kInflection: {
        std::string_view fn = f.name;
        const Value& s = arg(a, 0);
        bool flag = truthy(arg(a, 1));
        if (fn == "pluralize" || fn == "singularize") {
          if (flag) return arg(a, 1);
          if (!need_string(s)) return Value();
          return Value(fn == "pluralize" ? in::pluralize(s.as_string())
                                         : in::singularize(s.as_string()));
        }
        if (!need_string(s)) return Value();
        const std::string& str = s.as_string();
        if (fn == "camelize") return Value(in::camelize(str, flag));
        if (fn == "underscore") return Value(in::underscore(str, flag));
        if (fn == "humanize") return Value(in::humanize(str, flag));
        if (fn == "capitalize") return Value(in::capitalize(str));
        if (fn == "dasherize") return Value(in::dasherize(str));
        if (fn == "titleize") return Value(in::titleize(str));
        if (fn == "demodulize") return Value(in::demodulize(str));
        if (fn == "tableize") return Value(in::tableize(str));
        if (fn == "classify") return Value(in::classify(str));
        if (fn == "foreign_key") return Value(in::foreign_key(str, flag));
        if (fn == "ordinalize") return Value(in::ordinalize(str));
        if (fn == "undasherize") {
          auto r = in::undasherize(str);
          if (!r) return bail("undasherize of an empty word (TypeError)");
          return Value(std::move(*r));
        }
        return bail("inflection function");
      }
      case Builtin::kPathResolve: {
        std::string resolved;
        bool absolute = false;
        for (long i = static_cast<long>(a.size()) - 1; i >= -1 && !absolute; --i) {
          std::string p;
          if (i >= 0) {
            if (!need_string(a[static_cast<std::size_t>(i)])) return Value();
            p = a[static_cast<std::size_t>(i)].as_string();
          } else {
            p = cwd;
          }
          if (p.empty()) continue;
          resolved = p + "/" + resolved;
          absolute = p.front() == '/';
        }
        resolved = normalize_segments(resolved, !absolute);
        if (absolute) return Value("/" + resolved);
        return Value(resolved.empty() ? std::string(".") : resolved);
      }
      case Builtin::kPathNormalize:
        if (!need_string(arg(a, 0))) return Value();
        return Value(path_normalize(arg(a, 0).as_string()));
      case Builtin::kPathIsAbsolute:
        if (!need_string(arg(a, 0))) return Value();
        return Value(!arg(a, 0).as_string().empty() && arg(a, 0).as_string().front() == '/');
      case Builtin::kPathJoin: {
        if (a.empty()) return Value(std::string("."));
        std::string joined;
        bool any = false;
        for (const Value& v : a) {
          if (!need_string(v)) return Value();
          if (v.as_string().empty()) continue;
          if (any) joined += '/';
          joined += v.as_string();
          any = true;
        }
        if (!any) return Value(std::string("."));
        return Value(path_normalize(joined));
      }
      case Builtin::kPathRelative: {
        if (!need_string(arg(a, 0)) || !need_string(arg(a, 1))) return Value();
        if (arg(a, 0).as_string() == arg(a, 1).as_string()) return Value(std::string());
        std::vector<Value> one{arg(a, 0)};
        Function resolve{Builtin::kPathResolve, {}, nullptr, nullptr};
        std::string from = call_builtin(resolve, one).as_string();
        one[0] = arg(a, 1);
        std::string to = call_builtin(resolve, one).as_string();
        if (from == to) return Value(std::string());
        auto parts = [](const std::string& p) {
          std::vector<std::string> segs;
          if (p == "/") return segs;
          std::size_t pos = 1;
          while (true) {
            std::size_t slash = p.find('/', pos);
            segs.push_back(p.substr(pos, slash == std::string::npos ? slash : slash - pos));
            if (slash == std::string::npos) break;
            pos = slash + 1;
          }
          return segs;
        };
        auto fp = parts(from), tp = parts(to);
        std::size_t common = 0;
        while (common < fp.size() && common < tp.size() && fp[common] == tp[common]) ++common;
        std::vector<std::string> rel(fp.size() - common, "..");
        rel.insert(rel.end(), tp.begin() + static_cast<std::ptrdiff_t>(common), tp.end());
        std::string r;
        for (std::size_t i = 0; i < rel.size(); ++i) {
          if (i) r += '/';
          r += rel[i];
        }
        return Value(std::move(r));
      }
      case Builtin::kPathDirname:
        if (!need_string(arg(a, 0))) return Value();
        return Value(path_dirname(arg(a, 0).as_string()));
      case Builtin::kPathBasename: {
        const Value& suffix = arg(a, 1);
        if (!suffix.is(Kind::kUndefined) && !need_string(suffix)) return Value();
        if (!need_string(arg(a, 0))) return Value();
        return Value(path_basename(arg(a, 0).as_string(),
                                   suffix.is(Kind::kUndefined) ? nullptr : &suffix.as_string()));
      }
      case Builtin::kPathExtname:
        if (!need_string(arg(a, 0))) return Value();
        return Value(path_extname(arg(a, 0).as_string()));
      case Builtin::kPathParse: {
        if (!need_string(arg(a, 0))) return Value();
        const std::string& p = arg(a, 0).as_string();
        std::string root, dir, base, ext, name;
        if (!p.empty()) {
          bool absolute = p.front() == '/';
          if (absolute) root = "/";
          std::size_t end = p.size();
          while (end > (absolute ? 1u : 0u) && p[end - 1] == '/') --end;
          std::size_t slash = end == 0 ? std::string::npos : p.rfind('/', end - 1);
          std::size_t start = slash == std::string::npos ? 0 : slash + 1;
          if (absolute && start == 0) start = 1;
          if (start < end) {
            base = p.substr(start, end - start);
            ext = path_extname(base);
            name = ext.empty() ? base : base.substr(0, base.size() - ext.size());
          }
          if (start > 1) {
            dir = p.substr(0, start - 1);
          } else if (absolute) {
            dir = "/";
          }
        }
        auto o = std::make_shared<Object>();
        o->props = {{"root", Value(root)},
                    {"dir", Value(dir)},
                    {"base", Value(base)},
                    {"ext", Value(ext)},
                    {"name", Value(name)}};
        return Value(o);
      }
      case Builtin::kPathFormat: {
        const Value& obj = arg(a, 0);
        if (!obj.is(Kind::kObject)) return bail("path.format of a non-object");
        Object& o = *obj.as_object();
        auto field = [&](std::string_view k) {
          Value* v = o.find(k);
          return v ? *v : Value();
        };
        Value dir = truthy(field("dir")) ? field("dir") : field("root");
        Value base;
        if (truthy(field("base"))) {
          base = field("base");
        } else {
          Value n = truthy(field("name")) ? field("name") : Value(std::string());
          Value e = truthy(field("ext")) ? field("ext") : Value(std::string());
          base = add(n, e);
        }
        if (failed) return Value();
        if (!truthy(dir)) return base;
        if (strict_equal(dir, field("root"))) return add(dir, base);
        return add(add(dir, Value(std::string("/"))), base);
      }
      case Builtin::kPathToNamespaced:
        return arg(a, 0);
      case Builtin::kString:
        if (a.empty()) return Value(std::string());
        return Value(to_string(a[0]));
      case Builtin::kNumber:
        if (a.empty()) return Value(0.0);
        return Value(to_number(a[0]));
      case Builtin::kBoolean:
        return Value(truthy(arg(a, 0)));
      case Builtin::kIsNaN:
        return Value(std::isnan(to_number(arg(a, 0))));
      case Builtin::kParseInt:
        return parse_int(a);
    }
    return bail("builtin");
  }

  Value parse_int(std::vector<Value>& a) {
    std::u16string u = native::to_utf16(to_string(arg(a, 0)));
    if (failed) return Value();
    std::size_t i = 0;
    while (i < u.size() && liquid::is_js_space(u[i])) ++i;
    double sign = 1;
    if (i < u.size() && (u[i] == '-' || u[i] == '+')) {
      if (u[i] == '-') sign = -1;
      ++i;
    }
    double r = to_number(arg(a, 1));
    int radix =
        std::isnan(r) || std::isinf(r)
            ? 0
            : static_cast<int>(static_cast<std::int32_t>(static_cast<std::int64_t>(std::trunc(r))));
    bool strip = true;
    if (radix != 0) {
      if (radix < 2 || radix > 36) return Value(kNaN);
      if (radix != 16) strip = false;
    } else {
      radix = 10;
    }
    if (strip && i + 1 < u.size() && u[i] == '0' && (u[i + 1] == 'x' || u[i + 1] == 'X')) {
      i += 2;
      radix = 16;
    }
    double value = 0;
    std::size_t digits = 0;
    for (; i < u.size(); ++i) {
      char16_t c = u[i];
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'z' ? c - 'a' + 10
              : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                                     : 99;
      if (d >= radix) break;
      value = value * radix + d;
      ++digits;
    }
    if (digits == 0) return Value(kNaN);
    if (digits > 15) return bail("parseInt of a long number");
    return Value(sign * value);
  }
};

NativeRenderer::NativeRenderer(std::string cwd) : impl_(std::make_unique<Impl>()) {
  impl_->cwd = std::move(cwd);
}

NativeRenderer::~NativeRenderer() = default;

NativeOutcome NativeRenderer::render(const NativeTemplate& tpl, std::string_view text,
                                     std::span<const NativeLocal> locals) {
  NativeOutcome result;
  if (tpl.compile_error) {
    result.kind = NativeOutcome::Kind::kError;
    result.error = *tpl.compile_error;
    return result;
  }
  if (!tpl.native()) {
    result.kind = NativeOutcome::Kind::kBail;
    result.bail = tpl.unsupported;
    return result;
  }
  Impl& im = *impl_;
  im.out.clear();
  im.line = 1;
  im.failed = false;
  im.fail_message.clear();
  im.steps = 0;
  im.depth = 0;
  im.ret = Value();

  auto data = std::make_shared<Object>();
  data->props.reserve(locals.size() + 1);
  for (const auto& [key, value] : locals) {
    data->set(std::string(key), value ? from_liquid(*value) : Value());
  }
  data->set("h", Value(std::make_shared<Object>(*im.helpers)));
  // The template function: its `var`s and `locals`; inside it the `with`.
  auto function = std::make_shared<Scope>();
  function->vars.emplace_back("locals", Value(data));
  for (const std::string& var : tpl.program.hoisted) {
    if (var != "locals") function->vars.emplace_back(var, Value());
  }
  auto with = std::make_shared<Scope>();
  with->parent = function;
  with->with = data.get();
  im.scopes = {function, with};
  im.exec_list(tpl.program.body, with.get());
  for (const auto& s : im.scopes) s->vars.clear();  // closures hold their scopes
  im.scopes.clear();
  if (im.failed) {
    result.kind = im.fail_kind;
    if (im.fail_kind == NativeOutcome::Kind::kBail) {
      result.bail = im.fail_message;
    } else {
      result.error = Error{
          ErrorKind::kTemplate, im.fail_message, {{}, im.line, 0}, error_excerpt(text, im.line)};
    }
    im.out.clear();
    return result;
  }
  result.output = std::move(im.out);
  im.out = std::string();
  return result;
}

}  // namespace hypergen::ejs
