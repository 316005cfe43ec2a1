#include "manifest/expr.h"

#include <cmath>
#include <string>
#include <vector>

namespace hypergen::manifest {

using liquid::Value;

namespace {

struct Token {
  enum Kind { kEnd, kNumber, kString, kIdent, kPunct } kind = kEnd;
  std::string text;
  std::size_t offset = 0;
};

Result<std::vector<Token>> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  auto fail = [&](std::size_t at, std::string msg) -> Result<std::vector<Token>> {
    return make_error(ErrorKind::kData, std::move(msg), {"", 1, static_cast<int>(at) + 1});
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    Token t;
    t.offset = i;
    if (std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t j = i;
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.')) ++j;
      t.kind = Token::kNumber;
      t.text = std::string(s.substr(i, j - i));
      i = j;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$') {
      std::size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_' ||
                              s[j] == '$' || s[j] == '-')) {
        // '-' only inside a name when followed by a letter (kebab-case
        // variable names); `a - b` and `a-1` stay subtraction.
        if (s[j] == '-' &&
            !(j + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[j + 1])) && j > i)) {
          break;
        }
        ++j;
      }
      t.kind = Token::kIdent;
      t.text = std::string(s.substr(i, j - i));
      i = j;
    } else if (c == '\'' || c == '"') {
      std::size_t j = i + 1;
      std::string text;
      while (j < s.size() && s[j] != c) {
        if (s[j] == '\\' && j + 1 < s.size()) {
          char e = s[j + 1];
          text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
          j += 2;
          continue;
        }
        text += s[j++];
      }
      if (j >= s.size()) return fail(i, "unterminated string");
      t.kind = Token::kString;
      t.text = std::move(text);
      i = j + 1;
    } else {
      static constexpr std::string_view kPuncts[] = {
          "===", "!==", "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+",
          "-",   "*",   "/",  "%",  "(",  ")",  "[",  "]",  ".", ",", "?", ":"};
      bool found = false;
      for (std::string_view p : kPuncts) {
        if (s.substr(i).starts_with(p)) {
          t.kind = Token::kPunct;
          t.text = std::string(p);
          i += p.size();
          found = true;
          break;
        }
      }
      if (!found) return fail(i, std::string("unexpected character '") + c + "'");
    }
    out.push_back(std::move(t));
  }
  Token end;
  end.offset = s.size();
  out.push_back(end);
  return out;
}

bool loose_equal(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return a.to_number() == b.to_number();
  if (a.is_nil() || b.is_nil()) return a.is_nil() && b.is_nil();
  return a == b;
}

int compare(const Value& a, const Value& b, bool* ok) {
  *ok = true;
  if (a.is_string() && b.is_string()) {
    return a.as_string() < b.as_string() ? -1 : a.as_string() > b.as_string() ? 1 : 0;
  }
  double x = a.to_number(), y = b.to_number();
  if (std::isnan(x) || std::isnan(y)) {
    *ok = false;
    return 0;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

Value number_value(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) {
    return Value(static_cast<std::int64_t>(d));
  }
  return Value(d);
}

class Evaluator {
 public:
  Evaluator(std::vector<Token> tokens, const Value& scope)
      : tokens_(std::move(tokens)), scope_(scope) {}

  Result<Value> run() {
    auto v = ternary();
    if (!v) return v;
    if (peek().kind != Token::kEnd) return fail("unexpected '" + peek().text + "'");
    return v;
  }

 private:
  const Token& peek() const { return tokens_[pos_]; }
  bool is(std::string_view p) const { return peek().kind == Token::kPunct && peek().text == p; }
  bool accept(std::string_view p) {
    if (!is(p)) return false;
    ++pos_;
    return true;
  }
  tl::unexpected<Error> fail(std::string msg) const {
    return make_error(ErrorKind::kData, std::move(msg),
                      {"", 1, static_cast<int>(peek().offset) + 1});
  }

  Result<Value> ternary() {
    if (++depth_ > kMaxDepth) return fail("the expression is nested too deeply");
    struct Leave {
      int& d;
      ~Leave() { --d; }
    } leave{depth_};
    auto c = logical_or();
    if (!c) return c;
    if (!accept("?")) return c;
    auto a = ternary();
    if (!a) return a;
    if (!accept(":")) return fail("expected ':' in a conditional expression");
    auto b = ternary();
    if (!b) return b;
    return c->js_truthy() ? *a : *b;
  }

  Result<Value> logical_or() {
    auto l = logical_and();
    if (!l) return l;
    while (accept("||")) {
      auto r = logical_and();
      if (!r) return r;
      if (!l->js_truthy()) l = std::move(r);
    }
    return l;
  }

  Result<Value> logical_and() {
    auto l = equality();
    if (!l) return l;
    while (accept("&&")) {
      auto r = equality();
      if (!r) return r;
      if (l->js_truthy()) l = std::move(r);
    }
    return l;
  }

  Result<Value> equality() {
    auto l = relational();
    if (!l) return l;
    while (is("==") || is("!=") || is("===") || is("!==")) {
      std::string op = tokens_[pos_++].text;
      auto r = relational();
      if (!r) return r;
      bool eq = loose_equal(*l, *r);
      l = Value(op[0] == '=' ? eq : !eq);
    }
    return l;
  }

  Result<Value> relational() {
    auto l = additive();
    if (!l) return l;
    while (is("<") || is("<=") || is(">") || is(">=")) {
      std::string op = tokens_[pos_++].text;
      auto r = additive();
      if (!r) return r;
      bool ok = false;
      int c = compare(*l, *r, &ok);
      bool res = ok && (op == "<" ? c < 0 : op == "<=" ? c <= 0 : op == ">" ? c > 0 : c >= 0);
      l = Value(res);
    }
    return l;
  }

  Result<Value> additive() {
    auto l = multiplicative();
    if (!l) return l;
    while (is("+") || is("-")) {
      std::string op = tokens_[pos_++].text;
      auto r = multiplicative();
      if (!r) return r;
      if (op == "+" && (l->is_string() || r->is_string())) {
        l = Value(l->to_output() + r->to_output());
      } else {
        double x = l->to_number(), y = r->to_number();
        l = number_value(op == "+" ? x + y : x - y);
      }
    }
    return l;
  }

  Result<Value> multiplicative() {
    auto l = unary();
    if (!l) return l;
    while (is("*") || is("/") || is("%")) {
      std::string op = tokens_[pos_++].text;
      auto r = unary();
      if (!r) return r;
      double x = l->to_number(), y = r->to_number();
      l = number_value(op == "*" ? x * y : op == "/" ? x / y : std::fmod(x, y));
    }
    return l;
  }

  Result<Value> unary() {
    if (++depth_ > kMaxDepth) return fail("the expression is nested too deeply");
    struct Leave {
      int& d;
      ~Leave() { --d; }
    } leave{depth_};
    if (accept("!")) {
      auto v = unary();
      if (!v) return v;
      return Value(!v->js_truthy());
    }
    if (accept("-")) {
      auto v = unary();
      if (!v) return v;
      return number_value(-v->to_number());
    }
    return postfix();
  }

  Result<Value> member(const Value& base, const std::string& key) {
    if (key == "length") {
      if (base.is_string()) return Value(static_cast<std::int64_t>(base.as_string().size()));
      if (base.is_array()) return Value(static_cast<std::int64_t>(base.as_array().size()));
      if (base.is_object()) {
        if (const Value* v = base.as_object().find(key)) return *v;
        return Value(static_cast<std::int64_t>(base.as_object().size()));
      }
      return Value();
    }
    if (base.is_object()) {
      if (const Value* v = base.as_object().find(key)) return *v;
    }
    if (base.is_array()) {
      char* end = nullptr;
      long idx = std::strtol(key.c_str(), &end, 10);
      if (end && *end == 0 && !key.empty() && idx >= 0 &&
          static_cast<std::size_t>(idx) < base.as_array().size()) {
        return base.as_array()[static_cast<std::size_t>(idx)];
      }
    }
    return Value();
  }

  Result<Value> call(const Value& base, const std::string& method, const std::vector<Value>& args) {
    Value arg = args.empty() ? Value() : args[0];
    if (method == "includes") {
      if (base.is_array()) {
        for (const Value& v : base.as_array()) {
          if (loose_equal(v, arg)) return Value(true);
        }
        return Value(false);
      }
      if (base.is_string()) {
        return Value(base.as_string().find(arg.to_output()) != std::string::npos);
      }
      return Value(false);
    }
    if (method == "startsWith" || method == "endsWith") {
      if (!base.is_string()) return Value(false);
      const std::string& s = base.as_string();
      std::string a = arg.to_output();
      return Value(method == "startsWith" ? s.starts_with(a) : s.ends_with(a));
    }
    return fail("unknown method '" + method + "' (known: includes, startsWith, endsWith)");
  }

  Result<Value> postfix() {
    auto v = primary();
    if (!v) return v;
    while (true) {
      if (accept(".")) {
        if (peek().kind != Token::kIdent) return fail("expected a name after '.'");
        std::string key = tokens_[pos_++].text;
        if (accept("(")) {
          std::vector<Value> args;
          if (!accept(")")) {
            while (true) {
              auto a = ternary();
              if (!a) return a;
              args.push_back(std::move(*a));
              if (accept(")")) break;
              if (!accept(",")) return fail("expected ',' or ')'");
            }
          }
          auto r = call(*v, key, args);
          if (!r) return r;
          v = std::move(r);
        } else {
          auto r = member(*v, key);
          if (!r) return r;
          v = std::move(r);
        }
      } else if (accept("[")) {
        auto k = ternary();
        if (!k) return k;
        if (!accept("]")) return fail("expected ']'");
        auto r = member(*v, k->to_output());
        if (!r) return r;
        v = std::move(r);
      } else {
        return v;
      }
    }
  }

  Result<Value> primary() {
    const Token& t = peek();
    switch (t.kind) {
      case Token::kNumber: {
        ++pos_;
        if (t.text.find('.') != std::string::npos)
          return Value(std::strtod(t.text.c_str(), nullptr));
        return Value(static_cast<std::int64_t>(std::strtoll(t.text.c_str(), nullptr, 10)));
      }
      case Token::kString:
        ++pos_;
        return Value(t.text);
      case Token::kIdent: {
        ++pos_;
        if (t.text == "true") return Value(true);
        if (t.text == "false") return Value(false);
        if (t.text == "null" || t.text == "undefined") return Value();
        if (scope_.is_object()) {
          if (const Value* v = scope_.as_object().find(t.text)) return *v;
        }
        return Value();
      }
      case Token::kPunct:
        if (accept("(")) {
          auto v = ternary();
          if (!v) return v;
          if (!accept(")")) return fail("expected ')'");
          return v;
        }
        if (accept("[")) {
          liquid::Array items;
          if (!accept("]")) {
            while (true) {
              auto a = ternary();
              if (!a) return a;
              items.push_back(std::move(*a));
              if (accept("]")) break;
              if (!accept(",")) return fail("expected ',' or ']'");
            }
          }
          return Value(std::move(items));
        }
        return fail("unexpected '" + t.text + "'");
      case Token::kEnd:
        return fail("the expression ends too early");
    }
    return fail("unexpected token");
  }

  static constexpr int kMaxDepth = 200;
  std::vector<Token> tokens_;
  const Value& scope_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

Result<Value> evaluate(std::string_view text, const Value& scope) {
  auto tokens = tokenize(text);
  if (!tokens) return tl::unexpected(tokens.error());
  Evaluator ev(std::move(*tokens), scope);
  return ev.run();
}

Result<bool> evaluate_condition(std::string_view text, const Value& scope) {
  auto v = evaluate(text, scope);
  if (!v) return tl::unexpected(v.error());
  return v->js_truthy();
}

Status check_expression(std::string_view text) {
  auto v = evaluate(text, Value(liquid::Object{}));
  if (!v) return tl::unexpected(v.error());
  return {};
}

}  // namespace hypergen::manifest
