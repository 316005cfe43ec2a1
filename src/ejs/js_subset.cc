#include "ejs/js_subset.h"

#include "liquid/unicode.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

namespace hypergen::ejs::subset {

namespace {

constexpr std::string_view kNativeGlobals[] = {"undefined", "NaN",     "Infinity", "String",
                                               "Number",    "Boolean", "parseInt", "isNaN"};

// SpiderMonkey 102's global object (Object.getOwnPropertyNames(globalThis))
// plus what the prelude adds. tests/ejs/compare-paths checks this list
// against the engine.
constexpr std::string_view kEngineGlobals[] = {"globalThis",
                                               "Infinity",
                                               "NaN",
                                               "undefined",
                                               "eval",
                                               "isFinite",
                                               "isNaN",
                                               "parseFloat",
                                               "parseInt",
                                               "decodeURI",
                                               "decodeURIComponent",
                                               "encodeURI",
                                               "encodeURIComponent",
                                               "escape",
                                               "unescape",
                                               "uneval",
                                               "Array",
                                               "ArrayBuffer",
                                               "BigInt",
                                               "BigInt64Array",
                                               "BigUint64Array",
                                               "Boolean",
                                               "DataView",
                                               "Date",
                                               "Error",
                                               "EvalError",
                                               "FinalizationRegistry",
                                               "Float32Array",
                                               "Float64Array",
                                               "Function",
                                               "Int8Array",
                                               "Int16Array",
                                               "Int32Array",
                                               "InternalError",
                                               "JSON",
                                               "Map",
                                               "Math",
                                               "Number",
                                               "Object",
                                               "Promise",
                                               "Proxy",
                                               "RangeError",
                                               "ReferenceError",
                                               "Reflect",
                                               "RegExp",
                                               "Set",
                                               "SharedArrayBuffer",
                                               "String",
                                               "Symbol",
                                               "SyntaxError",
                                               "TypeError",
                                               "Uint8Array",
                                               "Uint8ClampedArray",
                                               "Uint16Array",
                                               "Uint32Array",
                                               "URIError",
                                               "WeakMap",
                                               "WeakRef",
                                               "WeakSet",
                                               "WebAssembly",
                                               "Atomics",
                                               "Intl",
                                               "AggregateError",
                                               "console"};

constexpr std::string_view kObjectPrototype[] = {
    "constructor",      "hasOwnProperty",   "isPrototypeOf",    "propertyIsEnumerable",
    "toLocaleString",   "toString",         "valueOf",          "__proto__",
    "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"};

constexpr std::string_view kMethods[] = {
    // String.prototype
    "toUpperCase",
    "toLowerCase",
    "trim",
    "trimStart",
    "trimEnd",
    "trimLeft",
    "trimRight",
    "replace",
    "replaceAll",
    "split",
    "slice",
    "substring",
    "substr",
    "charAt",
    "charCodeAt",
    "indexOf",
    "lastIndexOf",
    "includes",
    "startsWith",
    "endsWith",
    "padStart",
    "padEnd",
    "repeat",
    "concat",
    "at",
    "toString",
    // Array.prototype (beyond the names above)
    "join",
    "map",
    "filter",
    "forEach",
    "push",
    "some",
    "every",
    "find",
    "findIndex",
    "reverse",
    // h
    "capitalize",
    // h.changeCase
    "no",
    "noCase",
    "dot",
    "dotCase",
    "swap",
    "swapCase",
    "path",
    "pathCase",
    "upper",
    "upperCase",
    "lower",
    "lowerCase",
    "camel",
    "camelCase",
    "snake",
    "snakeCase",
    "title",
    "titleCase",
    "param",
    "paramCase",
    "kebab",
    "kebabCase",
    "hyphen",
    "hyphenCase",
    "header",
    "headerCase",
    "pascal",
    "pascalCase",
    "constant",
    "constantCase",
    "sentence",
    "sentenceCase",
    "isUpper",
    "isUpperCase",
    "isLower",
    "isLowerCase",
    "ucFirst",
    "upperCaseFirst",
    "lcFirst",
    "lowerCaseFirst",
    // h.inflection
    "pluralize",
    "singularize",
    "camelize",
    "underscore",
    "humanize",
    "dasherize",
    "titleize",
    "demodulize",
    "tableize",
    "classify",
    "foreign_key",
    "ordinalize",
    "undasherize",
    // h.path
    "resolve",
    "normalize",
    "isAbsolute",
    "relative",
    "dirname",
    "basename",
    "extname",
    "parse",
    "format",
};

template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view name) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

enum class Tok : std::uint8_t { kIdent, kNumber, kString, kPunct, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;  // identifier, punctuator, decoded string
  double number = 0;
  bool newline_before = false;
};

struct Unsupported {
  std::string why;
};

bool ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}
bool ident_part(char c) {
  return ident_start(c) || (c >= '0' && c <= '9');
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}

void append_utf8(std::string& out, char32_t cp) {
  liquid::utf8_append(out, cp);
}

// Splits the source into tokens; a construct the subset lacks (regex and
// template literals, legacy octal, non-ASCII identifiers) ends the scan
// with the reason.
class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  bool run(std::vector<Token>& out, std::string& why) {
    bool newline = false;
    while (true) {
      // Whitespace and comments.
      while (pos_ < s_.size()) {
        char c = s_[pos_];
        if (c == '\n' || c == '\r') {
          newline = true;
          ++pos_;
        } else if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
          ++pos_;
        } else if (s_.compare(pos_, 2, "//") == 0) {
          while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
        } else if (s_.compare(pos_, 2, "/*") == 0) {
          std::size_t end = s_.find("*/", pos_ + 2);
          if (end == std::string_view::npos) return fail(why, "unterminated comment");
          for (std::size_t i = pos_; i < end; ++i) newline |= s_[i] == '\n' || s_[i] == '\r';
          pos_ = end + 2;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
          return fail(why, "non-ASCII character in code");
        } else {
          break;
        }
      }
      Token t;
      t.newline_before = newline;
      newline = false;
      if (pos_ >= s_.size()) {
        out.push_back(std::move(t));
        return true;
      }
      char c = s_[pos_];
      if (ident_start(c)) {
        std::size_t start = pos_;
        while (pos_ < s_.size() && ident_part(s_[pos_])) ++pos_;
        if (pos_ < s_.size() && (s_[pos_] == '\\' || static_cast<unsigned char>(s_[pos_]) >= 0x80))
          return fail(why, "unusual identifier");
        t.kind = Tok::kIdent;
        t.text = std::string(s_.substr(start, pos_ - start));
      } else if (digit(c) || (c == '.' && pos_ + 1 < s_.size() && digit(s_[pos_ + 1]))) {
        if (!number(t, why)) return false;
      } else if (c == '"' || c == '\'') {
        if (!string(t, why)) return false;
      } else if (c == '`') {
        return fail(why, "template literal");
      } else {
        if (!punct(t, out, why)) return false;
      }
      out.push_back(std::move(t));
    }
  }

 private:
  static bool fail(std::string& why, std::string_view what) {
    why = std::string(what);
    return false;
  }

  bool number(Token& t, std::string& why) {
    std::size_t start = pos_;
    t.kind = Tok::kNumber;
    if (s_[pos_] == '0' && pos_ + 1 < s_.size() && (s_[pos_ + 1] == 'x' || s_[pos_ + 1] == 'X')) {
      pos_ += 2;
      std::size_t digits = pos_;
      double v = 0;
      while (pos_ < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[pos_]))) {
        char d = s_[pos_++];
        v = v * 16 + (digit(d) ? d - '0' : (d | 0x20) - 'a' + 10);
      }
      if (pos_ == digits) return fail(why, "bad number");
      t.number = v;
    } else {
      if (s_[pos_] == '0' && pos_ + 1 < s_.size() &&
          (digit(s_[pos_ + 1]) || ident_start(s_[pos_ + 1])) && s_[pos_ + 1] != 'e' &&
          s_[pos_ + 1] != 'E') {
        return fail(why, "octal or prefixed number");
      }
      while (pos_ < s_.size() && digit(s_[pos_])) ++pos_;
      if (pos_ < s_.size() && s_[pos_] == '.') {
        ++pos_;
        while (pos_ < s_.size() && digit(s_[pos_])) ++pos_;
      }
      if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
        std::size_t save = pos_++;
        if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
        if (pos_ >= s_.size() || !digit(s_[pos_])) {
          pos_ = save;
          return fail(why, "bad number");
        }
        while (pos_ < s_.size() && digit(s_[pos_])) ++pos_;
      }
      std::string text(s_.substr(start, pos_ - start));
      t.number = std::strtod(text.c_str(), nullptr);
    }
    if (pos_ < s_.size() && (ident_part(s_[pos_]) || s_[pos_] == '\\')) {
      return fail(why, "bad number");
    }
    return true;
  }

  bool hex(std::size_t count, char32_t& out) {
    out = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (pos_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[pos_]))) return false;
      char d = s_[pos_++];
      out = out * 16 + static_cast<char32_t>(digit(d) ? d - '0' : (d | 0x20) - 'a' + 10);
    }
    return true;
  }

  bool string(Token& t, std::string& why) {
    char quote = s_[pos_++];
    t.kind = Tok::kString;
    while (true) {
      if (pos_ >= s_.size()) return fail(why, "unterminated string");
      char c = s_[pos_++];
      if (c == quote) return true;
      if (c == '\n' || c == '\r') return fail(why, "line break in string");
      if (c != '\\') {
        t.text += c;
        continue;
      }
      if (pos_ >= s_.size()) return fail(why, "unterminated string");
      char e = s_[pos_++];
      switch (e) {
        case 'n':
          t.text += '\n';
          break;
        case 'r':
          t.text += '\r';
          break;
        case 't':
          t.text += '\t';
          break;
        case 'b':
          t.text += '\b';
          break;
        case 'f':
          t.text += '\f';
          break;
        case 'v':
          t.text += '\v';
          break;
        case '\n':
          break;
        case '\r':
          if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
          break;
        case 'x': {
          char32_t cp;
          if (!hex(2, cp)) return fail(why, "bad escape");
          append_utf8(t.text, cp);
          break;
        }
        case 'u': {
          char32_t cp;
          if (pos_ < s_.size() && s_[pos_] == '{') return fail(why, "\\u{} escape");
          if (!hex(4, cp)) return fail(why, "bad escape");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t lo;
            if (s_.compare(pos_, 2, "\\u") != 0) return fail(why, "lone surrogate");
            pos_ += 2;
            if (!hex(4, lo) || lo < 0xDC00 || lo > 0xDFFF) return fail(why, "lone surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail(why, "lone surrogate");
          }
          append_utf8(t.text, cp);
          break;
        }
        case '0':
          if (pos_ < s_.size() && digit(s_[pos_])) return fail(why, "octal escape");
          t.text += '\0';
          break;
        default:
          if (digit(e)) return fail(why, "octal escape");
          if (static_cast<unsigned char>(e) >= 0x80) return fail(why, "escaped non-ASCII");
          t.text += e;
      }
    }
  }

  bool punct(Token& t, const std::vector<Token>& before, std::string& why) {
    static constexpr std::array<std::string_view, 30> kPuncts = {
        "===", "!==", "**=", "...", ">>>", "<<=", ">>=", "&&=", "||=", "?\?=",
        "=>",  "==",  "!=",  "<=",  ">=",  "&&",  "||",  "??",  "++",  "--",
        "+=",  "-=",  "*=",  "/=",  "%=",  "**",  "<<",  ">>",  "?.",  "|="};
    t.kind = Tok::kPunct;
    for (std::string_view p : kPuncts) {
      if (s_.compare(pos_, p.size(), p) == 0) {
        if (p == "?." && pos_ + 2 < s_.size() && digit(s_[pos_ + 2])) continue;
        if (p == "/=" && !after_operand(before)) return fail(why, "regular expression literal");
        t.text = std::string(p);
        pos_ += p.size();
        return true;
      }
    }
    char c = s_[pos_];
    if (c == '/' && !after_operand(before)) return fail(why, "regular expression literal");
    if (std::string_view("{}()[];,<>+-*/%!?:=.&|^~").find(c) == std::string_view::npos) {
      return fail(why, std::string("character '") + c + "'");
    }
    t.text = std::string(1, c);
    ++pos_;
    return true;
  }

  static bool after_operand(const std::vector<Token>& before) {
    if (before.empty()) return false;
    const Token& t = before.back();
    if (t.kind == Tok::kNumber || t.kind == Tok::kString) return true;
    if (t.kind == Tok::kIdent) {
      static constexpr std::array<std::string_view, 12> kOperators = {
          "return", "typeof", "instanceof", "in",   "of", "new",
          "delete", "void",   "throw",      "case", "do", "else"};
      return std::find(kOperators.begin(), kOperators.end(), t.text) == kOperators.end();
    }
    return t.text == ")" || t.text == "]" || t.text == "}";
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

bool is_reserved(std::string_view w) {
  static constexpr std::array<std::string_view, 36> kWords = {
      "break",  "case",   "catch",  "class",      "const",   "continue", "debugger", "default",
      "delete", "do",     "else",   "export",     "extends", "finally",  "for",      "function",
      "if",     "import", "in",     "instanceof", "new",     "return",   "super",    "switch",
      "this",   "throw",  "try",    "typeof",     "var",     "void",     "while",    "with",
      "yield",  "let",    "static", "await"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, Program& program) : toks_(std::move(tokens)), prog_(program) {}

  void parse() {
    funcs_.push_back({nullptr, {}, {}});
    Func* top = &funcs_.back();
    cur_ = top;
    while (peek().kind != Tok::kEnd) prog_.body.push_back(statement());
    prog_.hoisted = top->vars;
    resolve();
  }

 private:
  struct Func {
    Func* parent;
    std::vector<std::string> params;
    std::vector<std::string> vars;
    int loops = 0;
    bool is_top() const { return parent == nullptr; }
  };
  struct Ref {
    std::string name;
    Func* func;
    bool assign;
  };

  [[noreturn]] void fail(std::string why) { throw Unsupported{std::move(why)}; }

  // Nesting bound for the recursive descent: a deeper text is left to the
  // engine (found by the ejs fuzzer: `[[[[…` thousands deep overflowed the
  // stack). Entered by statement(), assignment() and unary(), which every
  // recursion of the grammar passes through.
  static constexpr int kMaxNesting = 200;
  int nesting_ = 0;
  class Nest {
   public:
    explicit Nest(Parser& parser) : parser_(parser) {
      if (++parser_.nesting_ > kMaxNesting) {
        --parser_.nesting_;
        parser_.fail("nesting deeper than " + std::to_string(kMaxNesting) + " levels");
      }
    }
    ~Nest() { --parser_.nesting_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;

   private:
    Parser& parser_;
  };

  const Token& peek(std::size_t ahead = 0) const {
    std::size_t i = std::min(pos_ + ahead, toks_.size() - 1);
    return toks_[i];
  }
  bool is(std::string_view punct, std::size_t ahead = 0) const {
    const Token& t = peek(ahead);
    return t.kind == Tok::kPunct && t.text == punct;
  }
  bool is_word(std::string_view word) const {
    return peek().kind == Tok::kIdent && peek().text == word;
  }
  Token next() {
    Token t = peek();
    if (pos_ < toks_.size() - 1) ++pos_;
    return t;
  }
  void expect(std::string_view punct) {
    if (!is(punct)) fail("expected '" + std::string(punct) + "'");
    next();
  }
  Node* make(Node::Kind kind) {
    prog_.nodes.emplace_back();
    Node* n = &prog_.nodes.back();
    n->kind = kind;
    return n;
  }
  // Automatic semicolon insertion at the end of a statement.
  void end_statement() {
    if (is(";")) {
      next();
      return;
    }
    if (is("}") || peek().kind == Tok::kEnd || peek().newline_before) return;
    fail("unexpected token '" + peek().text + "'");
  }
  void declare_var(const std::string& name) {
    if (std::find(cur_->vars.begin(), cur_->vars.end(), name) == cur_->vars.end()) {
      cur_->vars.push_back(name);
    }
  }
  void check_name(const std::string& name) {
    if (is_reserved(name)) fail("'" + name + "'");
    if (name == "arguments" || name == "eval" || name.starts_with("__") || name == "escapeFn" ||
        name == "include" || name == "rethrow") {
      fail("the name '" + name + "'");
    }
  }

  const Node* statement() {
    Nest nest(*this);
    const Token& t = peek();
    if (t.kind == Tok::kPunct) {
      if (t.text == ";") {
        next();
        return make(Node::Kind::kEmpty);
      }
      if (t.text == "{") return block();
    }
    if (t.kind == Tok::kIdent) {
      if (t.text == "var") {
        const Node* n = var_declaration();
        end_statement();
        return n;
      }
      if (t.text == "if") return if_statement();
      if (t.text == "for") return for_statement();
      if (t.text == "return") {
        if (cur_->is_top()) fail("return outside a callback");
        next();
        Node* n = make(Node::Kind::kReturn);
        if (!is(";") && !is("}") && peek().kind != Tok::kEnd && !peek().newline_before) {
          n->kids.push_back(expression());
        } else {
          n->kids.push_back(nullptr);
        }
        end_statement();
        return n;
      }
      if (t.text == "break" || t.text == "continue") {
        if (cur_->loops == 0) fail("'" + t.text + "' outside a loop");
        bool brk = t.text == "break";
        next();
        if (peek().kind == Tok::kIdent && !peek().newline_before) fail("labelled " + t.text);
        end_statement();
        return make(brk ? Node::Kind::kBreak : Node::Kind::kContinue);
      }
      if (t.text == "function") fail("function declaration");
      if (t.text == "__line" && is("=", 1) && peek(2).kind == Tok::kNumber) {
        next();
        next();
        Node* n = make(Node::Kind::kLine);
        n->number = next().number;
        end_statement();
        return n;
      }
      if (t.text == "__append" && is("(", 1)) return append_statement();
    }
    Node* n = make(Node::Kind::kExpression);
    n->kids.push_back(expression());
    end_statement();
    return n;
  }

  // `__append(expr)` or `__append(escapeFn(expr))`, as compile.cc writes them.
  const Node* append_statement() {
    next();
    next();
    Node* n = make(Node::Kind::kAppend);
    if (peek().kind == Tok::kIdent && peek().text == "escapeFn" && is("(", 1)) {
      next();
      next();
      n->flag = true;
      n->kids.push_back(expression());
      expect(")");
    } else {
      n->kids.push_back(expression());
    }
    expect(")");
    end_statement();
    return n;
  }

  const Node* block() {
    expect("{");
    Node* n = make(Node::Kind::kBlock);
    while (!is("}")) {
      if (peek().kind == Tok::kEnd) fail("unclosed block");
      n->kids.push_back(statement());
    }
    next();
    return n;
  }

  const Node* var_declaration() {
    next();
    Node* n = make(Node::Kind::kVar);
    while (true) {
      Token name = next();
      if (name.kind != Tok::kIdent) fail("bad var declaration");
      check_name(name.text);
      declare_var(name.text);
      n->names.push_back(name.text);
      if (is("=")) {
        next();
        n->kids.push_back(assignment());
        refs_.push_back({name.text, cur_, true});
      } else {
        n->kids.push_back(nullptr);
      }
      if (!is(",")) break;
      next();
    }
    return n;
  }

  const Node* if_statement() {
    next();
    expect("(");
    Node* n = make(Node::Kind::kIf);
    n->kids.push_back(expression());
    expect(")");
    n->kids.push_back(sub_statement());
    if (is_word("else")) {
      next();
      n->kids.push_back(sub_statement());
    } else {
      n->kids.push_back(nullptr);
    }
    return n;
  }

  // The body of if/else/for: no declarations.
  const Node* sub_statement() {
    if (is_word("function") || is_word("let") || is_word("const") || is_word("class")) {
      fail("declaration as a statement body");
    }
    return statement();
  }

  const Node* for_statement() {
    next();
    expect("(");
    Node* n = make(Node::Kind::kFor);
    if (is(";")) {
      n->kids.push_back(nullptr);
    } else if (is_word("var")) {
      n->kids.push_back(var_declaration());
    } else {
      Node* e = make(Node::Kind::kExpression);
      e->kids.push_back(expression());
      n->kids.push_back(e);
    }
    if (is_word("in") || is_word("of")) fail("for-in/for-of");
    expect(";");
    n->kids.push_back(is(";") ? nullptr : expression());
    expect(";");
    n->kids.push_back(is(")") ? nullptr : expression());
    expect(")");
    ++cur_->loops;
    n->kids.push_back(sub_statement());
    --cur_->loops;
    return n;
  }

  const Node* expression() {
    const Node* e = assignment();
    if (is(",")) fail("comma operator");
    return e;
  }

  static Op assign_op(const Token& t) {
    if (t.kind != Tok::kPunct) return Op::kInc;  // "not an assignment"
    if (t.text == "=") return Op::kNone;
    if (t.text == "+=") return Op::kAdd;
    if (t.text == "-=") return Op::kSub;
    if (t.text == "*=") return Op::kMul;
    if (t.text == "/=") return Op::kDiv;
    if (t.text == "%=") return Op::kMod;
    return Op::kInc;
  }

  bool arrow_ahead() const {
    if (peek().kind == Tok::kIdent && is("=>", 1) && !peek(1).newline_before) return true;
    if (!is("(")) return false;
    int depth = 0;
    for (std::size_t i = pos_; i < toks_.size(); ++i) {
      const Token& t = toks_[i];
      if (t.kind == Tok::kEnd) return false;
      if (t.kind != Tok::kPunct) continue;
      if (t.text == "(") ++depth;
      if (t.text == ")" && --depth == 0) {
        return i + 1 < toks_.size() && toks_[i + 1].kind == Tok::kPunct &&
               toks_[i + 1].text == "=>" && !toks_[i + 1].newline_before;
      }
    }
    return false;
  }

  const Node* assignment() {
    Nest nest(*this);
    if (arrow_ahead()) return arrow();
    const Node* lhs = conditional();
    Op op = assign_op(peek());
    if (op == Op::kInc) {
      if (peek().kind == Tok::kPunct &&
          (peek().text.ends_with("=") && peek().text != "==" && peek().text != "===" &&
           peek().text != "!=" && peek().text != "!==" && peek().text != "<=" &&
           peek().text != ">=")) {
        fail("operator '" + peek().text + "'");
      }
      return lhs;
    }
    if (lhs->kind != Node::Kind::kIdent) fail("assignment to a property or expression");
    next();
    Node* n = make(Node::Kind::kAssign);
    n->op = op;
    n->text = lhs->text;
    n->kids.push_back(assignment());
    refs_.push_back({n->text, cur_, true});
    return n;
  }

  const Node* conditional() {
    const Node* test = nullish_or_logical();
    if (!is("?")) return test;
    next();
    Node* n = make(Node::Kind::kConditional);
    n->kids.push_back(test);
    n->kids.push_back(assignment());
    expect(":");
    n->kids.push_back(assignment());
    return n;
  }

  const Node* nullish_or_logical() {
    const Node* left = logical_or();
    bool mixed = left->kind == Node::Kind::kLogical && !left->flag;
    if (!is("??")) return left;
    if (mixed) fail("?? mixed with || or &&");
    while (is("??")) {
      next();
      const Node* right = logical_or();
      if (right->kind == Node::Kind::kLogical && !right->flag &&
          (right->op == Op::kAnd || right->op == Op::kOr)) {
        fail("?? mixed with || or &&");
      }
      Node* n = make(Node::Kind::kLogical);
      n->op = Op::kNullish;
      n->kids = {left, right};
      left = n;
    }
    if (is("||") || is("&&")) fail("?? mixed with || or &&");
    return left;
  }

  const Node* logical_or() {
    const Node* left = logical_and();
    while (is("||")) {
      next();
      Node* n = make(Node::Kind::kLogical);
      n->op = Op::kOr;
      n->kids = {left, logical_and()};
      left = n;
    }
    return left;
  }

  const Node* logical_and() {
    const Node* left = equality();
    while (is("&&")) {
      next();
      Node* n = make(Node::Kind::kLogical);
      n->op = Op::kAnd;
      n->kids = {left, equality()};
      left = n;
    }
    return left;
  }

  const Node* binary(const Node* left, Op op, const Node* right) {
    Node* n = make(Node::Kind::kBinary);
    n->op = op;
    n->kids = {left, right};
    return n;
  }

  const Node* equality() {
    const Node* left = relational();
    while (true) {
      Op op = is("==")    ? Op::kEq
              : is("!=")  ? Op::kNe
              : is("===") ? Op::kStrictEq
              : is("!==") ? Op::kStrictNe
                          : Op::kNone;
      if (op == Op::kNone) return left;
      next();
      left = binary(left, op, relational());
    }
  }

  const Node* relational() {
    const Node* left = additive();
    while (true) {
      if (is_word("in") || is_word("instanceof")) fail("'" + peek().text + "'");
      Op op = is("<")    ? Op::kLt
              : is(">")  ? Op::kGt
              : is("<=") ? Op::kLe
              : is(">=") ? Op::kGe
                         : Op::kNone;
      if (op == Op::kNone) return left;
      next();
      left = binary(left, op, additive());
    }
  }

  const Node* additive() {
    const Node* left = multiplicative();
    while (true) {
      Op op = is("+") ? Op::kAdd : is("-") ? Op::kSub : Op::kNone;
      if (op == Op::kNone) return left;
      next();
      left = binary(left, op, multiplicative());
    }
  }

  const Node* multiplicative() {
    const Node* left = unary();
    while (true) {
      if (is("**")) fail("'**'");
      Op op = is("*") ? Op::kMul : is("/") ? Op::kDiv : is("%") ? Op::kMod : Op::kNone;
      if (op == Op::kNone) return left;
      next();
      left = binary(left, op, unary());
    }
  }

  const Node* unary() {
    Nest nest(*this);
    Op op = is("!")             ? Op::kNot
            : is("-")           ? Op::kNeg
            : is("+")           ? Op::kPlus
            : is_word("typeof") ? Op::kTypeof
                                : Op::kNone;
    if (op != Op::kNone) {
      next();
      Node* n = make(Node::Kind::kUnary);
      n->op = op;
      n->kids.push_back(unary());
      return n;
    }
    if (is("++") || is("--")) {
      Op upd = is("++") ? Op::kInc : Op::kDec;
      next();
      Token name = next();
      if (name.kind != Tok::kIdent || is("(") || is(".") || is("[")) fail("update of a non-name");
      check_name(name.text);
      Node* n = make(Node::Kind::kUpdate);
      n->op = upd;
      n->flag = true;
      n->text = name.text;
      refs_.push_back({name.text, cur_, true});
      return n;
    }
    if (is_word("delete") || is_word("void") || is("~")) fail("'" + peek().text + "'");
    return postfix();
  }

  const Node* postfix() {
    const Node* e = call_member();
    if ((is("++") || is("--"))) {
      if (peek().newline_before) fail("line break before ++/--");
      if (e->kind != Node::Kind::kIdent) fail("update of a non-name");
      Node* n = make(Node::Kind::kUpdate);
      n->op = is("++") ? Op::kInc : Op::kDec;
      n->text = e->text;
      next();
      refs_.push_back({n->text, cur_, true});
      return n;
    }
    return e;
  }

  const Node* call_member() {
    const Node* e = primary();
    while (true) {
      if (is(".")) {
        next();
        Token name = next();
        if (name.kind != Tok::kIdent) fail("bad property name");
        if (is_object_prototype_name(name.text) && !(name.text == "toString" && is("("))) {
          fail("the property '" + name.text + "'");
        }
        Node* n = make(Node::Kind::kMember);
        n->text = name.text;
        n->kids.push_back(e);
        e = n;
      } else if (is("[")) {
        next();
        Node* n = make(Node::Kind::kIndex);
        n->kids = {e, expression()};
        expect("]");
        e = n;
      } else if (is("(")) {
        if (e->kind == Node::Kind::kMember && !is_known_method(e->text)) {
          fail("the method '" + e->text + "'");
        }
        next();
        Node* n = make(Node::Kind::kCall);
        n->kids.push_back(e);
        while (!is(")")) {
          if (is("...")) fail("spread");
          n->kids.push_back(assignment());
          if (!is(",")) break;
          next();
        }
        expect(")");
        e = n;
      } else if (is("?.")) {
        fail("optional chaining");
      } else {
        return e;
      }
    }
  }

  const Node* primary() {
    Token t = next();
    switch (t.kind) {
      case Tok::kNumber: {
        Node* n = make(Node::Kind::kNumber);
        n->number = t.number;
        return n;
      }
      case Tok::kString: {
        Node* n = make(Node::Kind::kString);
        n->text = std::move(t.text);
        return n;
      }
      case Tok::kEnd:
        fail("unexpected end");
      case Tok::kIdent:
        break;
      case Tok::kPunct:
        if (t.text == "(") {
          const Node* e = expression();
          expect(")");
          if (e->kind == Node::Kind::kLogical) const_cast<Node*>(e)->flag = true;  // parenthesized
          return e;
        }
        if (t.text == "[") return array_literal();
        if (t.text == "{") return object_literal();
        fail("unexpected '" + t.text + "'");
    }
    if (t.text == "true" || t.text == "false") {
      Node* n = make(Node::Kind::kBool);
      n->flag = t.text == "true";
      return n;
    }
    if (t.text == "null") return make(Node::Kind::kNull);
    if (t.text == "function") return function_expression();
    check_name(t.text);
    Node* n = make(Node::Kind::kIdent);
    n->text = t.text;
    refs_.push_back({t.text, cur_, false});
    return n;
  }

  const Node* array_literal() {
    Node* n = make(Node::Kind::kArray);
    while (!is("]")) {
      if (is(",")) fail("array hole");
      if (is("...")) fail("spread");
      n->kids.push_back(assignment());
      if (!is(",")) break;
      next();
    }
    expect("]");
    return n;
  }

  const Node* object_literal() {
    Node* n = make(Node::Kind::kObject);
    while (!is("}")) {
      Token key = next();
      std::string name;
      if (key.kind == Tok::kIdent || key.kind == Tok::kString) {
        name = key.text;
      } else if (key.kind == Tok::kNumber && key.number >= 0 && key.number < 1e15 &&
                 std::floor(key.number) == key.number) {
        name = std::to_string(static_cast<long long>(key.number));
      } else {
        fail("object key");
      }
      if (name == "__proto__") fail("__proto__ key");
      if (!is(":")) fail("shorthand or method in an object literal");
      next();
      const Node* value = assignment();
      auto it = std::find(n->names.begin(), n->names.end(), name);
      if (it != n->names.end()) {
        n->kids[static_cast<std::size_t>(it - n->names.begin())] = value;
      } else {
        n->names.push_back(name);
        n->kids.push_back(value);
      }
      if (!is(",")) break;
      next();
    }
    expect("}");
    return n;
  }

  Node* enter_function() {
    Node* n = make(Node::Kind::kFunction);
    funcs_.push_back({cur_, {}, {}});
    cur_ = &funcs_.back();
    return n;
  }
  void leave_function(Node* n) {
    n->names = cur_->params;
    n->hoisted = cur_->vars;
    cur_ = cur_->parent;
  }
  void param(const Token& t) {
    if (t.kind != Tok::kIdent) fail("bad parameter");
    check_name(t.text);
    cur_->params.push_back(t.text);
  }
  void function_body(Node* n) {
    expect("{");
    while (!is("}")) {
      if (peek().kind == Tok::kEnd) fail("unclosed function");
      n->kids.push_back(statement());
    }
    next();
  }

  const Node* function_expression() {
    if (peek().kind == Tok::kIdent) fail("named function expression");
    Node* n = enter_function();
    expect("(");
    while (!is(")")) {
      param(next());
      if (is("=")) fail("default parameter");
      if (!is(",")) break;
      next();
    }
    expect(")");
    function_body(n);
    leave_function(n);
    return n;
  }

  const Node* arrow() {
    Node* n = enter_function();
    if (is("(")) {
      next();
      while (!is(")")) {
        param(next());
        if (!is(",")) break;
        next();
      }
      expect(")");
    } else {
      param(next());
    }
    expect("=>");
    if (is("{")) {
      function_body(n);
    } else {
      n->flag = true;
      n->kids.push_back(assignment());
    }
    leave_function(n);
    return n;
  }

  void resolve() {
    for (const Ref& r : refs_) {
      bool declared = false;
      for (const Func* f = r.func; f && !declared; f = f->parent) {
        declared = std::find(f->params.begin(), f->params.end(), r.name) != f->params.end() ||
                   std::find(f->vars.begin(), f->vars.end(), r.name) != f->vars.end();
      }
      if (declared || r.name == "locals") continue;
      if (r.assign) {
        if (std::find(prog_.assigned_free.begin(), prog_.assigned_free.end(), r.name) ==
            prog_.assigned_free.end()) {
          prog_.assigned_free.push_back(r.name);
        }
        continue;
      }
      if (is_object_prototype_name(r.name)) fail("the name '" + r.name + "'");
      if (is_engine_global(r.name) && !is_native_global(r.name)) {
        fail("the global '" + r.name + "'");
      }
    }
  }

  std::vector<Token> toks_;
  std::size_t pos_ = 0;
  Program& prog_;
  std::deque<Func> funcs_;
  Func* cur_ = nullptr;
  std::vector<Ref> refs_;
};

}  // namespace

bool is_native_global(std::string_view name) {
  return in(kNativeGlobals, name);
}
bool is_engine_global(std::string_view name) {
  return in(kEngineGlobals, name);
}
bool is_object_prototype_name(std::string_view name) {
  return in(kObjectPrototype, name);
}
bool is_known_method(std::string_view name) {
  return in(kMethods, name);
}

Result<Program> parse_program(std::string_view source) {
  std::vector<Token> tokens;
  std::string why;
  if (!Lexer(source).run(tokens, why)) return make_error(ErrorKind::kTemplate, why);
  Program program;
  try {
    Parser(std::move(tokens), program).parse();
  } catch (const Unsupported& u) {
    return make_error(ErrorKind::kTemplate, u.why);
  }
  return program;
}

}  // namespace hypergen::ejs::subset
