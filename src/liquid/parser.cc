#include "liquid/parser.h"

#include <array>
#include <charconv>
#include <cstdlib>
#include <initializer_list>

#include "liquid/error.h"
#include "liquid/lexer.h"
#include "liquid/liquid.h"
#include "util/spellcheck.h"

namespace hypergen::liquid {

namespace {

using Pos = std::uint32_t;
template <typename T>
using Expected = tl::expected<T, SourceError>;

tl::unexpected<SourceError> fail(std::string message, std::size_t offset) {
  return tl::unexpected(SourceError{std::move(message), offset});
}

// Every tag name the parser knows, for "did you mean".
constexpr std::array<std::string_view, 33> kTagNames = {
    "assign",  "block",      "break",   "capture",   "case",   "comment",     "continue",
    "cycle",   "decrement",  "echo",    "else",      "elsif",  "endblock",    "endcapture",
    "endcase", "endcomment", "endfor",  "endif",     "endraw", "endtablerow", "endunless",
    "for",     "if",         "include", "increment", "layout", "liquid",      "raw",
    "render",  "tablerow",   "unless",  "when",      "#"};

// The *_exp filters, which the parser compiles itself (see FilterCall).
ExpFilter exp_filter_kind(std::string_view name) {
  if (name == "where_exp") return ExpFilter::kWhere;
  if (name == "reject_exp") return ExpFilter::kReject;
  if (name == "group_by_exp") return ExpFilter::kGroupBy;
  if (name == "has_exp") return ExpFilter::kHas;
  if (name == "find_exp") return ExpFilter::kFind;
  if (name == "find_index_exp") return ExpFilter::kFindIndex;
  return ExpFilter::kNone;
}

std::string quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

std::string describe(const ExprToken& t) {
  switch (t.kind) {
    case ExprTokKind::kEnd:
      return "end of expression";
    default: {
      std::string_view text = t.text;
      if (text.size() > 32) text = text.substr(0, 32);
      return quote(text);
    }
  }
}

std::string end_tag_of(std::string_view opener) {
  return "end" + std::string(opener);
}

bool is_keyword_operator(std::string_view w) {
  return w == "and" || w == "or" || w == "contains" || w == "not";
}

}  // namespace

class Parser {
 public:
  Parser(const Engine& engine, Template& tpl) : engine_(engine), tpl_(tpl), src_(tpl.source_) {}

  Expected<void> run() {
    auto tokens = tokenize(src_);
    if (!tokens) return tl::unexpected(tokens.error());
    tokens_ = std::move(*tokens);
    pos_ = 0;
    auto end = parse_block(tpl_.root_, {}, nullptr);
    if (!end) return tl::unexpected(end.error());
    return {};
  }

  // The whole source is one filtered expression (a *_exp filter's
  // expression); the root becomes a single output node.
  Expected<void> run_expression() {
    ExprLexer lex(src_, 0, static_cast<Pos>(src_.size()));
    if (lex.at_end()) return fail("the expression is empty", 0);
    auto value = parse_filtered(lex);
    if (!value) return tl::unexpected(value.error());
    if (auto ok = expect_end(lex, "the expression"); !ok) return tl::unexpected(ok.error());
    auto* n = make_node<OutputNode>(NodeKind::kOutput, 0);
    n->value = std::move(*value);
    tpl_.root_.push_back(n);
    return {};
  }

 private:
  using Stops = std::initializer_list<std::string_view>;

  // ---- blocks -------------------------------------------------------------

  // Parses nodes into `out` until a tag named in `stops` (returned) or the
  // end of the token list (nullptr; an error when `opener` is set).
  Expected<const Token*> parse_block(Block& out, Stops stops, const Token* opener) {
    // Nesting is bounded so that neither parsing nor rendering (both
    // recursive) can exhaust the stack.
    DepthGuard guard(block_depth_);
    if (block_depth_ > kMaxBlockDepth) {
      return fail("blocks are nested more than " + std::to_string(kMaxBlockDepth) + " deep",
                  opener ? opener->name_begin : 0);
    }
    while (pos_ < tokens_.size()) {
      const Token& t = tokens_[pos_++];
      switch (t.kind) {
        case TokenKind::kText:
          if (t.end > t.begin) {
            auto* n = make_node<TextNode>(NodeKind::kText, t.begin);
            n->text = std::string_view(src_).substr(t.begin, t.end - t.begin);
            out.push_back(n);
          }
          break;
        case TokenKind::kOutput: {
          ExprLexer lex(src_, t.content_begin, t.content_end);
          if (lex.at_end()) break;  // `{{ }}` renders nothing
          auto value = parse_filtered(lex);
          if (!value) return tl::unexpected(value.error());
          if (auto ok = expect_end(lex, "output"); !ok) return tl::unexpected(ok.error());
          auto* n = make_node<OutputNode>(NodeKind::kOutput, t.begin);
          n->value = std::move(*value);
          out.push_back(n);
          break;
        }
        case TokenKind::kTag: {
          for (std::string_view s : stops) {
            if (t.name == s) return &t;
          }
          if (auto ok = parse_tag(t, out, opener); !ok) return tl::unexpected(ok.error());
          break;
        }
      }
    }
    if (opener) {
      return fail("unexpected end of template: " + quote(opener->name) + " opened at line " +
                      std::to_string(line_of(opener->begin)) + " was never closed",
                  opener->name_begin);
    }
    return nullptr;
  }

  Expected<void> parse_tag(const Token& t, Block& out, const Token* opener) {
    std::string_view name = t.name;
    if (name == "if" || name == "unless") return parse_if(t, out);
    if (name == "for" || name == "tablerow") return parse_for(t, out);
    if (name == "case") return parse_case(t, out);
    if (name == "assign") return parse_assign(t, out);
    if (name == "capture") return parse_capture(t, out);
    if (name == "increment" || name == "decrement") return parse_counter(t, out);
    if (name == "cycle") return parse_cycle(t, out);
    if (name == "include" || name == "render") return parse_partial(t, out);
    if (name == "layout") return parse_layout(t, out);
    if (name == "block") return parse_block_tag(t, out);
    if (name == "echo") return parse_echo(t, out);
    if (name == "liquid") return parse_liquid(t, out);
    if (name == "raw") return parse_raw(t, out);
    if (name == "comment") return parse_comment(t);
    if (name == "#") return parse_inline_comment(t);
    if (name == "break" || name == "continue") {
      out.push_back(
          make_node<Node>(name == "break" ? NodeKind::kBreak : NodeKind::kContinue, t.begin));
      return {};
    }
    bool structural =
        name.starts_with("end") || name == "else" || name == "elsif" || name == "when";
    bool known = false;
    for (std::string_view k : kTagNames) known = known || k == name;
    if (structural && known) {
      if (opener) {
        return fail("unexpected " + quote(name) + " inside " + quote(opener->name) +
                        " opened at line " + std::to_string(line_of(opener->begin)) +
                        " (expected " + quote(end_tag_of(opener->name)) + ")",
                    t.name_begin);
      }
      return fail("unexpected " + quote(name) + " outside of any block", t.name_begin);
    }
    std::vector<std::string> candidates;
    for (std::string_view k : kTagNames) candidates.emplace_back(k);
    std::string msg = "unknown tag " + quote(name);
    if (auto hint = suggest(name, candidates)) msg += " (did you mean " + quote(*hint) + "?)";
    return fail(std::move(msg), t.name_begin);
  }

  Expected<void> parse_if(const Token& t, Block& out) {
    auto* n = make_node<IfNode>(NodeKind::kIf, t.begin);
    const bool is_unless = t.name == "unless";
    const std::string end_name = is_unless ? "endunless" : "endif";
    const Token* branch_tag = &t;
    bool negate = is_unless;
    while (true) {
      IfNode::Branch branch;
      branch.negate = negate;
      auto cond = parse_tag_filtered(*branch_tag, "condition");
      if (!cond) return tl::unexpected(cond.error());
      branch.cond = std::move(*cond);
      auto stop = parse_block(branch.body, {"elsif", "else", end_name}, &t);
      if (!stop) return tl::unexpected(stop.error());
      n->branches.push_back(std::move(branch));
      const Token* s = *stop;
      if (s->name == "elsif") {
        branch_tag = s;
        negate = false;
        continue;
      }
      if (s->name == "else") {
        auto last = parse_block(n->else_body, {end_name, "elsif", "else"}, &t);
        if (!last) return tl::unexpected(last.error());
        if ((*last)->name != end_name) {
          return fail("unexpected " + quote((*last)->name) + " after 'else' in " + quote(t.name),
                      (*last)->name_begin);
        }
      }
      break;
    }
    out.push_back(n);
    return {};
  }

  Expected<void> parse_case(const Token& t, Block& out) {
    auto* n = make_node<CaseNode>(NodeKind::kCase, t.begin);
    auto subject = parse_tag_filtered(t, "value");
    if (!subject) return tl::unexpected(subject.error());
    n->subject = std::move(*subject);
    // Text between `case` and the first `when` is ignored (as in Liquid).
    Block ignored;
    auto stop = parse_block(ignored, {"when", "else", "endcase"}, &t);
    if (!stop) return tl::unexpected(stop.error());
    const Token* s = *stop;
    while (s->name == "when") {
      CaseNode::When when;
      ExprLexer lex(src_, s->args_begin, s->content_end);
      if (lex.at_end()) return fail("expected a value after 'when'", s->args_begin);
      while (!lex.at_end()) {
        auto v = parse_value(lex);
        if (!v) return tl::unexpected(v.error());
        when.values.push_back(*v);
        ExprToken sep = lex.peek();
        if (sep.kind == ExprTokKind::kComma ||
            (sep.kind == ExprTokKind::kIdent && sep.text == "or")) {
          lex.next();
          continue;
        }
        if (sep.kind != ExprTokKind::kEnd) {
          return fail("expected ',' or 'or' between 'when' values, got " + describe(sep),
                      sep.begin);
        }
      }
      auto next = parse_block(when.body, {"when", "else", "endcase"}, &t);
      if (!next) return tl::unexpected(next.error());
      n->whens.push_back(std::move(when));
      s = *next;
    }
    if (s->name == "else") {
      auto last = parse_block(n->else_body, {"endcase", "when", "else"}, &t);
      if (!last) return tl::unexpected(last.error());
      if ((*last)->name != "endcase") {
        return fail("unexpected " + quote((*last)->name) + " after 'else' in 'case'",
                    (*last)->name_begin);
      }
    }
    out.push_back(n);
    return {};
  }

  Expected<void> parse_for(const Token& t, Block& out) {
    const bool tablerow = t.name == "tablerow";
    auto* n = make_node<ForNode>(tablerow ? NodeKind::kTablerow : NodeKind::kFor, t.begin);
    ExprLexer lex(src_, t.args_begin, t.content_end);
    ExprToken var = lex.next();
    if (var.kind != ExprTokKind::kIdent) {
      return fail("expected a loop variable name after " + quote(t.name), var.begin);
    }
    n->var = var.text;
    ExprToken in = lex.next();
    if (in.kind != ExprTokKind::kIdent || in.text != "in") {
      return fail("expected 'in' after loop variable in " + quote(t.name), in.begin);
    }
    Pos coll_begin = lex.position();
    auto coll = parse_value(lex);
    if (!coll) return tl::unexpected(coll.error());
    n->collection = *coll;
    n->collection_text = std::string_view(src_).substr(coll_begin, (*coll)->end - coll_begin);
    n->continue_key = "continue-" + std::string(n->var) + "-" + std::string(n->collection_text);
    while (!lex.at_end()) {
      ExprToken key = lex.next();
      if (key.kind == ExprTokKind::kComma) continue;
      if (key.kind != ExprTokKind::kIdent) {
        return fail("expected a parameter name in " + quote(t.name) + ", got " + describe(key),
                    key.begin);
      }
      bool has_value = lex.peek().kind == ExprTokKind::kColon;
      if (has_value) lex.next();
      if (key.text == "reversed" && !tablerow) {
        if (has_value) {
          auto v = parse_value(lex);  // LiquidJS: any value still reverses
          if (!v) return tl::unexpected(v.error());
        }
        n->reversed = true;
        continue;
      }
      const bool known =
          key.text == "limit" || key.text == "offset" || (tablerow && key.text == "cols");
      if (!known) {
        std::string expected = tablerow ? "cols, limit or offset" : "limit, offset or reversed";
        return fail("unknown " + quote(t.name) + " parameter " + quote(key.text) + " (expected " +
                        expected + ")",
                    key.begin);
      }
      if (!has_value) {
        return fail("expected ':' and a value after " + quote(key.text), lex.position());
      }
      if (key.text == "offset" && !tablerow) {
        ExprToken c = lex.peek();
        if (c.kind == ExprTokKind::kIdent && c.text == "continue") {
          lex.next();
          n->offset_continue = true;
          continue;
        }
      }
      auto v = parse_value(lex);
      if (!v) return tl::unexpected(v.error());
      if (key.text == "limit")
        n->limit = *v;
      else if (key.text == "offset")
        n->offset_expr = *v;
      else
        n->cols = *v;
    }
    if (tablerow) {
      auto stop = parse_block(n->body, {"endtablerow"}, &t);
      if (!stop) return tl::unexpected(stop.error());
    } else {
      auto stop = parse_block(n->body, {"else", "endfor"}, &t);
      if (!stop) return tl::unexpected(stop.error());
      if ((*stop)->name == "else") {
        auto last = parse_block(n->else_body, {"endfor", "else"}, &t);
        if (!last) return tl::unexpected(last.error());
        if ((*last)->name != "endfor") {
          return fail("unexpected 'else' after 'else' in 'for'", (*last)->name_begin);
        }
      }
    }
    out.push_back(n);
    return {};
  }

  Expected<void> parse_assign(const Token& t, Block& out) {
    ExprLexer lex(src_, t.args_begin, t.content_end);
    ExprToken name = lex.next();
    if (name.kind != ExprTokKind::kIdent) {
      return fail("expected a variable name after 'assign'", name.begin);
    }
    ExprToken eq = lex.next();
    if (eq.kind != ExprTokKind::kAssign) {
      return fail("expected '=' after 'assign " + std::string(name.text) + "'", eq.begin);
    }
    if (lex.at_end()) return fail("expected a value after '='", lex.position());
    auto value = parse_filtered(lex);
    if (!value) return tl::unexpected(value.error());
    if (auto ok = expect_end(lex, "'assign'"); !ok) return tl::unexpected(ok.error());
    auto* n = make_node<AssignNode>(NodeKind::kAssign, t.begin);
    n->name = name.text;
    n->value = std::move(*value);
    out.push_back(n);
    return {};
  }

  Expected<void> parse_capture(const Token& t, Block& out) {
    ExprLexer lex(src_, t.args_begin, t.content_end);
    ExprToken name = lex.next();
    auto* n = make_node<CaptureNode>(NodeKind::kCapture, t.begin);
    if (name.kind == ExprTokKind::kIdent) {
      n->name = std::string(name.text);
    } else if (name.kind == ExprTokKind::kString && name.terminated) {
      n->name = unquote(name.text);
    } else {
      return fail("expected a variable name after 'capture'", name.begin);
    }
    if (auto ok = expect_end(lex, "'capture'"); !ok) return tl::unexpected(ok.error());
    auto stop = parse_block(n->body, {"endcapture"}, &t);
    if (!stop) return tl::unexpected(stop.error());
    out.push_back(n);
    return {};
  }

  Expected<void> parse_counter(const Token& t, Block& out) {
    ExprLexer lex(src_, t.args_begin, t.content_end);
    ExprToken name = lex.next();
    if (name.kind != ExprTokKind::kIdent) {
      return fail("expected a variable name after " + quote(t.name), name.begin);
    }
    if (auto ok = expect_end(lex, quote(t.name)); !ok) return tl::unexpected(ok.error());
    auto* n = make_node<CounterNode>(NodeKind::kCounter, t.begin);
    n->name = name.text;
    n->delta = t.name == "increment" ? 1 : -1;
    out.push_back(n);
    return {};
  }

  Expected<void> parse_cycle(const Token& t, Block& out) {
    auto* n = make_node<CycleNode>(NodeKind::kCycle, t.begin);
    ExprLexer lex(src_, t.args_begin, t.content_end);
    Pos start = lex.position();
    if (!lex.at_end()) {
      auto group = parse_value(lex);
      if (group && lex.peek().kind == ExprTokKind::kColon) {
        lex.next();
        n->group = *group;
      } else {
        lex.reset(start);
      }
    }
    while (!lex.at_end()) {
      Pos begin = lex.position();
      auto v = parse_filtered(lex);
      if (!v) return tl::unexpected(v.error());
      Pos end = lex.position();
      if (!n->fingerprint.empty()) n->fingerprint += ',';
      std::string_view text = std::string_view(src_).substr(begin, end - begin);
      while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
      n->fingerprint += text;
      n->values.push_back(std::move(*v));
      ExprToken sep = lex.peek();
      if (sep.kind == ExprTokKind::kComma) {
        lex.next();
        continue;
      }
      if (sep.kind != ExprTokKind::kEnd) {
        return fail("expected ',' between 'cycle' values, got " + describe(sep), sep.begin);
      }
    }
    if (n->values.empty()) return fail("expected at least one value after 'cycle'", t.name_begin);
    out.push_back(n);
    return {};
  }

  Expected<void> parse_partial(const Token& t, Block& out) {
    auto* n = make_node<PartialNode>(NodeKind::kPartial, t.begin);
    n->isolated = t.name == "render";
    ExprLexer lex(src_, t.args_begin, t.content_end);
    if (auto ok = parse_partial_name(lex, t, n->name, nullptr); !ok) return ok;
    // `with value [as alias]` and `for collection [as alias]`.
    while (true) {
      Pos save = lex.position();
      ExprToken kw = lex.next();
      if (kw.kind == ExprTokKind::kComma) continue;
      if (kw.kind != ExprTokKind::kIdent || (kw.text != "with" && kw.text != "for") ||
          lex.peek().kind == ExprTokKind::kColon) {
        lex.reset(save);
        break;
      }
      Pos vbegin = lex.position();
      auto v = parse_value(lex);
      if (!v) return tl::unexpected(v.error());
      if (kw.text == "with") {
        n->with = *v;
      } else {
        n->for_collection = *v;
        n->for_text = std::string_view(src_).substr(vbegin, (*v)->end - vbegin);
      }
      ExprToken as = lex.peek();
      if (as.kind == ExprTokKind::kIdent && as.text == "as") {
        lex.next();
        ExprToken alias = lex.next();
        if (alias.kind != ExprTokKind::kIdent) {
          return fail("expected a variable name after 'as'", alias.begin);
        }
        n->alias = alias.text;
      }
    }
    if (auto ok = parse_named_args(lex, t, n->args); !ok) return ok;
    out.push_back(n);
    return {};
  }

  // `key: value` arguments (commas optional; a bare key means true).
  Expected<void> parse_named_args(ExprLexer& lex, const Token& t, NamedArgs& args) {
    while (!lex.at_end()) {
      ExprToken key = lex.next();
      if (key.kind == ExprTokKind::kComma) continue;
      if (key.kind != ExprTokKind::kIdent) {
        return fail(
            "expected 'key: value' arguments in " + quote(t.name) + ", got " + describe(key),
            key.begin);
      }
      const Expr* value = nullptr;
      if (lex.peek().kind == ExprTokKind::kColon) {
        lex.next();
        auto v = parse_value(lex);
        if (!v) return tl::unexpected(v.error());
        value = *v;
      }
      args.emplace_back(key.text, value);
    }
    return {};
  }

  // The file name of include/render/layout (see PartialName). `none` is set
  // for `layout none` (only when `none` is not null).
  Expected<void> parse_partial_name(ExprLexer& lex, const Token& t, PartialName& out, bool* none) {
    ExprToken first = lex.peek();
    out.offset = first.begin;
    if (first.kind == ExprTokKind::kEnd) {
      return fail("expected a partial name after " + quote(t.name), first.begin);
    }
    if (first.kind != ExprTokKind::kString) {
      if (none && first.kind == ExprTokKind::kIdent && first.text == "none") {
        lex.next();
        *none = true;
        return {};
      }
      auto name = parse_value(lex);
      if (!name) return tl::unexpected(name.error());
      out.expr = *name;
      return {};
    }
    lex.next();
    std::string text = unquote(first.text);
    if (text.find("{{") == std::string::npos && text.find("{%") == std::string::npos) {
      if (text.empty()) return fail("the partial name is empty", first.begin);
      out.literal = std::move(text);
      return {};
    }
    // LiquidJS renders a quoted name as a template ('files/{{ kind }}').
    // Without escapes the name is a slice of our source, so it is parsed in
    // place and errors point into the template itself.
    if (first.terminated && first.text.find('\\') == std::string_view::npos) {
      const Pos begin = first.begin + 1;
      const Pos end = first.begin + static_cast<Pos>(first.text.size()) - 1;
      auto tokens = tokenize(src_, begin, end);
      if (!tokens) return tl::unexpected(tokens.error());
      Block* block = tpl_.arena_.make<Block>();
      auto r = parse_tokens(std::move(*tokens), *block);
      if (!r) return r;
      out.markup = block;
      return {};
    }
    auto child = parse_child(std::move(text), false, first.begin, "in the partial name");
    if (!child) return tl::unexpected(child.error());
    out.markup_tpl = *child;
    out.markup = &(*child)->root();
    return {};
  }

  // Parses a separate token list (a `liquid` tag's lines, a partial name's
  // markup) into `out`, then resumes the current one.
  Expected<void> parse_tokens(TokenList tokens, Block& out) {
    TokenList saved = std::move(tokens_);
    std::size_t saved_pos = pos_;
    tokens_ = std::move(tokens);
    pos_ = 0;
    auto r = parse_block(out, {}, nullptr);
    tokens_ = std::move(saved);
    pos_ = saved_pos;
    if (!r) return tl::unexpected(r.error());
    return {};
  }

  // Parses `text`, the value of the string literal at `literal_offset`, as a
  // template of its own (or, with `expression`, as one filtered expression)
  // owned by this template. Its errors are reported at the literal.
  Expected<const Template*> parse_child(std::string text, bool expression, Pos literal_offset,
                                        std::string_view what) {
    auto child = std::make_shared<Template>(std::move(text), tpl_.name_);
    Parser parser(engine_, *child);
    auto ok = expression ? parser.run_expression() : parser.run();
    if (!ok) return fail(std::string(what) + ": " + ok.error().message, literal_offset);
    tpl_.children_.push_back(child);
    return child.get();
  }

  Expected<void> parse_layout(const Token& t, Block& out) {
    auto* n = make_node<LayoutNode>(NodeKind::kLayout, t.begin);
    ExprLexer lex(src_, t.args_begin, t.content_end);
    if (auto ok = parse_partial_name(lex, t, n->name, &n->none); !ok) return ok;
    if (auto ok = parse_named_args(lex, t, n->args); !ok) return ok;
    // As in LiquidJS, the layout tag takes the rest of the template.
    auto stop = parse_block(n->body, {}, nullptr);
    if (!stop) return tl::unexpected(stop.error());
    out.push_back(n);
    return {};
  }

  Expected<void> parse_block_tag(const Token& t, Block& out) {
    auto* n = make_node<BlockNode>(NodeKind::kBlock, t.begin);
    // LiquidJS takes the first run of word characters (/\w+/) as the name,
    // so `block content`, `block "content"` and `block` (anonymous) all work.
    std::string_view args =
        std::string_view(src_).substr(t.args_begin, t.content_end - t.args_begin);
    auto word = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    std::size_t b = 0;
    while (b < args.size() && !word(args[b])) ++b;
    std::size_t e = b;
    while (e < args.size() && word(args[e])) ++e;
    n->name = args.substr(b, e - b);
    auto stop = parse_block(n->body, {"endblock"}, &t);
    if (!stop) return tl::unexpected(stop.error());
    out.push_back(n);
    return {};
  }

  Expected<void> parse_echo(const Token& t, Block& out) {
    ExprLexer lex(src_, t.args_begin, t.content_end);
    if (lex.at_end()) return {};
    auto value = parse_filtered(lex);
    if (!value) return tl::unexpected(value.error());
    if (auto ok = expect_end(lex, "'echo'"); !ok) return tl::unexpected(ok.error());
    auto* n = make_node<OutputNode>(NodeKind::kOutput, t.begin);
    n->value = std::move(*value);
    out.push_back(n);
    return {};
  }

  Expected<void> parse_liquid(const Token& t, Block& out) {
    auto lines = tokenize_liquid_lines(src_, t.args_begin, t.content_end);
    if (!lines) return tl::unexpected(lines.error());
    return parse_tokens(std::move(*lines), out);
  }

  Expected<void> parse_raw(const Token& t, Block& out) {
    // The lexer emitted [raw] [text]? [endraw] with the text untouched.
    if (pos_ < tokens_.size() && tokens_[pos_].kind == TokenKind::kText) {
      const Token& text = tokens_[pos_++];
      auto* n = make_node<TextNode>(NodeKind::kText, text.begin);
      n->text = std::string_view(src_).substr(text.begin, text.end - text.begin);
      out.push_back(n);
    }
    if (pos_ < tokens_.size() && tokens_[pos_].kind == TokenKind::kTag &&
        tokens_[pos_].name == "endraw") {
      ++pos_;
      return {};
    }
    return fail("'raw' was never closed (missing '{% endraw %}')", t.name_begin);
  }

  Expected<void> parse_comment(const Token& t) {
    while (pos_ < tokens_.size()) {
      const Token& c = tokens_[pos_++];
      if (c.kind == TokenKind::kTag && c.name == "endcomment") return {};
    }
    return fail("unexpected end of template: 'comment' opened at line " +
                    std::to_string(line_of(t.begin)) + " was never closed",
                t.name_begin);
  }

  Expected<void> parse_inline_comment(const Token& t) {
    std::string_view body =
        std::string_view(src_).substr(t.args_begin, t.content_end - t.args_begin);
    std::size_t nl = body.find('\n');
    while (nl != std::string_view::npos) {
      std::size_t p = nl + 1;
      while (p < body.size() && is_blank(body[p]) && body[p] != '\n') ++p;
      if (p < body.size() && body[p] != '#' && body[p] != '\n') {
        return fail("every line of an inline comment must start with '#'", t.args_begin + p);
      }
      nl = body.find('\n', p);
    }
    return {};
  }

  // ---- expressions --------------------------------------------------------

  Expected<Filtered> parse_tag_filtered(const Token& t, std::string_view what) {
    ExprLexer lex(src_, t.args_begin, t.content_end);
    if (lex.at_end()) {
      return fail("expected a " + std::string(what) + " after " + quote(t.name), t.args_begin);
    }
    auto value = parse_filtered(lex);
    if (!value) return tl::unexpected(value.error());
    if (auto ok = expect_end(lex, quote(t.name)); !ok) return tl::unexpected(ok.error());
    return value;
  }

  Expected<void> expect_end(ExprLexer& lex, std::string_view where) {
    ExprToken t = lex.peek();
    if (t.kind == ExprTokKind::kEnd) return {};
    return fail("unexpected " + describe(t) + " in " + std::string(where), t.begin);
  }

  Expected<Filtered> parse_filtered(ExprLexer& lex) {
    Filtered f;
    auto e = parse_expression(lex);
    if (!e) return tl::unexpected(e.error());
    f.expr = *e;
    while (lex.peek().kind == ExprTokKind::kPipe) {
      lex.next();
      ExprToken name = lex.next();
      if (name.kind != ExprTokKind::kIdent) {
        return fail("expected a filter name after '|'", name.begin);
      }
      FilterCall call;
      call.offset = name.begin;
      call.entry = engine_.find_filter(name.text);
      ExpCall* exp = nullptr;
      if (!call.entry) {
        if (ExpFilter kind = exp_filter_kind(name.text); kind != ExpFilter::kNone) {
          exp = tpl_.arena_.make<ExpCall>();
          exp->kind = kind;
          exp->name = name.text;
          call.exp = exp;
        }
      }
      if (!call.entry && !exp) {
        std::string msg = "unknown filter " + quote(name.text);
        if (auto hint = suggest(name.text, engine_.filter_names())) {
          msg += " (did you mean " + quote(*hint) + "?)";
        }
        return fail(std::move(msg), name.begin);
      }
      if (lex.peek().kind == ExprTokKind::kColon) {
        lex.next();
        while (true) {
          ExprToken a = lex.peek();
          if (a.kind == ExprTokKind::kIdent && !is_keyword_operator(a.text)) {
            Pos save = lex.position();
            lex.next();
            if (lex.peek().kind == ExprTokKind::kColon) {
              lex.next();
              auto v = parse_value(lex);
              if (!v) return tl::unexpected(v.error());
              call.named.emplace_back(std::string(a.text), *v);
            } else {
              lex.reset(save);
              auto v = parse_value(lex);
              if (!v) return tl::unexpected(v.error());
              call.args.push_back(*v);
            }
          } else {
            auto v = parse_value(lex);
            if (!v) return tl::unexpected(v.error());
            call.args.push_back(*v);
          }
          ExprToken sep = lex.peek();
          if (sep.kind == ExprTokKind::kComma) {
            lex.next();
            continue;
          }
          if (sep.kind != ExprTokKind::kEnd && sep.kind != ExprTokKind::kPipe) {
            return fail("expected ',' or '|' after an argument of filter " + quote(name.text) +
                            ", got " + describe(sep),
                        sep.begin);
          }
          break;
        }
      } else {
        ExprToken sep = lex.peek();
        if (sep.kind != ExprTokKind::kEnd && sep.kind != ExprTokKind::kPipe) {
          return fail(
              "expected ':' after filter name " + quote(name.text) + ", got " + describe(sep),
              sep.begin);
        }
      }
      const int count = static_cast<int>(call.args.size());
      const int min = call.entry ? call.entry->min_args : 2;  // *_exp: item name, expression
      const int max = call.entry ? call.entry->max_args : 2;
      if (count < min || (max >= 0 && count > max)) {
        std::string expected;
        auto plural = [](int k) {
          return std::to_string(k) + (k == 1 ? " argument" : " arguments");
        };
        if (min == max)
          expected = "exactly " + plural(min);
        else if (max < 0)
          expected = "at least " + plural(min);
        else if (count < min)
          expected = "at least " + plural(min);
        else
          expected = "at most " + plural(max);
        return fail("filter " + quote(name.text) + " expects " + expected + ", got " +
                        std::to_string(count),
                    name.begin);
      }
      if (exp) {
        if (!call.named.empty()) {
          return fail("filter " + quote(name.text) + " takes no 'key: value' arguments",
                      call.named.front().second->offset);
        }
        if (auto ok = compile_exp(call, *exp); !ok) return tl::unexpected(ok.error());
      }
      call.constant_args = true;
      for (const Expr* a : call.args) call.constant_args &= a->kind == ExprKind::kLiteral;
      for (const auto& [k, a] : call.named) {
        call.constant_args &= a->kind == ExprKind::kLiteral;
      }
      if (call.constant_args) {
        for (const Expr* a : call.args) call.const_args.push_back(a->literal);
        for (const auto& [k, a] : call.named) call.const_named.emplace_back(k, a->literal);
      }
      f.filters.push_back(std::move(call));
    }
    return f;
  }

  // A *_exp filter whose expression is a string literal: parsed now, so a
  // bad expression is a parse error at its position in the template.
  Expected<void> compile_exp(const FilterCall& call, ExpCall& exp) {
    const Expr& e = *call.args[1];
    if (e.kind != ExprKind::kLiteral || !e.literal.is_string()) return {};  // parsed when rendering
    const std::string what = "the expression of " + quote(exp.name);
    std::string_view raw = std::string_view(src_).substr(e.offset, e.end - e.offset);
    const bool in_place = raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') &&
                          raw.back() == raw.front() && raw.find('\\') == std::string_view::npos;
    if (in_place) {
      ExprLexer lex(src_, e.offset + 1, e.end - 1);
      if (lex.at_end()) return fail(what + " is empty", e.offset);
      auto value = parse_filtered(lex);
      if (!value) return tl::unexpected(value.error());
      if (auto ok = expect_end(lex, what); !ok) return tl::unexpected(ok.error());
      exp.expr = tpl_.arena_.make<Filtered>(std::move(*value));
      return {};
    }
    auto child = parse_child(e.literal.as_string(), true, e.offset, "in " + what);
    if (!child) return tl::unexpected(child.error());
    exp.tpl = *child;
    exp.expr = &static_cast<const OutputNode*>((*child)->root().front())->value;
    return {};
  }

  // or/and: lowest precedence, right-associative (as LiquidJS evaluates them).
  Expected<const Expr*> parse_expression(ExprLexer& lex) {
    DepthGuard guard(expr_depth_);
    if (expr_depth_ > kMaxExpressionDepth) return too_deep(lex);
    auto lhs = parse_not(lex);
    if (!lhs) return lhs;
    ExprToken op = lex.peek();
    if (op.kind == ExprTokKind::kIdent && (op.text == "and" || op.text == "or")) {
      lex.next();
      auto rhs = parse_expression(lex);
      if (!rhs) return rhs;
      return binary(op.text == "and" ? BinOp::kAnd : BinOp::kOr, *lhs, *rhs);
    }
    return lhs;
  }

  Expected<const Expr*> parse_not(ExprLexer& lex) {
    DepthGuard guard(expr_depth_);
    if (expr_depth_ > kMaxExpressionDepth) return too_deep(lex);
    ExprToken t = lex.peek();
    if (t.kind == ExprTokKind::kIdent && t.text == "not") {
      lex.next();
      auto operand = parse_not(lex);
      if (!operand) return operand;
      Expr* e = tpl_.arena_.make<Expr>();
      e->kind = ExprKind::kNot;
      e->offset = t.begin;
      e->end = (*operand)->end;
      e->lhs = *operand;
      return e;
    }
    return parse_comparison(lex);
  }

  Expected<const Expr*> parse_comparison(ExprLexer& lex) {
    DepthGuard guard(expr_depth_);
    if (expr_depth_ > kMaxExpressionDepth) return too_deep(lex);
    auto lhs = parse_value(lex);
    if (!lhs) return lhs;
    ExprToken op = lex.peek();
    BinOp bop;
    if (op.kind == ExprTokKind::kCompare) {
      if (op.text == "==")
        bop = BinOp::kEq;
      else if (op.text == "!=" || op.text == "<>")
        bop = BinOp::kNe;
      else if (op.text == "<")
        bop = BinOp::kLt;
      else if (op.text == ">")
        bop = BinOp::kGt;
      else if (op.text == "<=")
        bop = BinOp::kLe;
      else
        bop = BinOp::kGe;
    } else if (op.kind == ExprTokKind::kIdent && op.text == "contains") {
      bop = BinOp::kContains;
    } else {
      return lhs;
    }
    lex.next();
    auto rhs = parse_comparison(lex);
    if (!rhs) return rhs;
    return binary(bop, *lhs, *rhs);
  }

  const Expr* binary(BinOp op, const Expr* lhs, const Expr* rhs) {
    Expr* e = tpl_.arena_.make<Expr>();
    e->kind = ExprKind::kBinary;
    e->op = op;
    e->offset = lhs->offset;
    e->end = rhs->end;
    e->lhs = lhs;
    e->rhs = rhs;
    return e;
  }

  // A single value: literal, variable path, or range; no operators.
  Expected<const Expr*> parse_value(ExprLexer& lex) {
    DepthGuard guard(expr_depth_);
    if (expr_depth_ > kMaxExpressionDepth) return too_deep(lex);
    ExprToken t = lex.next();
    Expr* e = tpl_.arena_.make<Expr>();
    e->offset = t.begin;
    e->end = t.begin + static_cast<Pos>(t.text.size());
    switch (t.kind) {
      case ExprTokKind::kString:
        // An unterminated string can only end a tag (an output's `}}` is
        // searched outside quotes); LiquidJS accepts it (see unquote()).
        e->literal = Value(unquote(t.text));
        break;
      case ExprTokKind::kNumber:
        e->literal = parse_number(t.text);
        break;
      case ExprTokKind::kIdent:
        if (t.text == "true" || t.text == "false") {
          e->literal = Value(t.text == "true");
        } else if (t.text == "nil" || t.text == "null") {
          // literal nil
        } else if (t.text == "empty") {
          e->kind = ExprKind::kEmpty;
          e->literal = Value("");
        } else if (t.text == "blank") {
          e->kind = ExprKind::kBlank;
          e->literal = Value("");
        } else if (is_keyword_operator(t.text)) {
          return fail("expected a value, got " + describe(t), t.begin);
        } else {
          e->kind = ExprKind::kPath;
          e->root = t.text;
        }
        break;
      case ExprTokKind::kLBracket:
        // `["key"]` at the start: a variable looked up by a computed name.
        lex.reset(t.begin);
        e->kind = ExprKind::kPath;
        break;
      case ExprTokKind::kLParen: {
        auto lo = parse_value(lex);
        if (!lo) return lo;
        ExprToken dots = lex.next();
        if (dots.kind != ExprTokKind::kDotDot) {
          return fail("expected '..' in range, got " + describe(dots), dots.begin);
        }
        auto hi = parse_value(lex);
        if (!hi) return hi;
        ExprToken close = lex.next();
        if (close.kind != ExprTokKind::kRParen) {
          return fail("expected ')' to close the range, got " + describe(close), close.begin);
        }
        e->kind = ExprKind::kRange;
        e->lhs = *lo;
        e->rhs = *hi;
        e->end = close.begin + 1;
        break;
      }
      case ExprTokKind::kEnd:
        return fail("expected a value", t.begin);
      default:
        return fail("expected a value, got " + describe(t), t.begin);
    }
    // Property / index access.
    while (true) {
      ExprToken p = lex.peek();
      if (p.kind == ExprTokKind::kDot) {
        lex.next();
        ExprToken key = lex.next();
        if (key.kind != ExprTokKind::kIdent && key.kind != ExprTokKind::kNumber) {
          return fail("expected a property name after '.'", key.begin);
        }
        PathSeg seg;
        seg.offset = key.begin;
        seg.key = Value(std::string(key.text));
        e = to_path(e);
        e->segs.push_back(std::move(seg));
        e->end = key.begin + static_cast<Pos>(key.text.size());
      } else if (p.kind == ExprTokKind::kLBracket) {
        lex.next();
        auto k = parse_expression(lex);
        if (!k) return k;
        ExprToken close = lex.next();
        if (close.kind != ExprTokKind::kRBracket) {
          return fail("expected ']' to close '[', got " + describe(close), close.begin);
        }
        PathSeg seg;
        seg.offset = p.begin;
        if ((*k)->kind == ExprKind::kLiteral) {
          seg.key = (*k)->literal;
        } else {
          seg.dynamic = *k;
        }
        e = to_path(e);
        e->segs.push_back(std::move(seg));
        e->end = close.begin + 1;
      } else {
        break;
      }
    }
    if (e->kind == ExprKind::kPath && e->root.empty() && !e->base && e->segs.empty()) {
      return fail("expected a value", t.begin);
    }
    return e;
  }

  // A path expression for appending segments to `e` (wrapping a literal or
  // range as the path's base).
  Expr* to_path(Expr* e) {
    if (e->kind == ExprKind::kPath) return e;
    Expr* p = tpl_.arena_.make<Expr>();
    p->kind = ExprKind::kPath;
    p->offset = e->offset;
    p->end = e->end;
    p->base = e;
    return p;
  }

  static Value parse_number(std::string_view text) {
    std::string_view digits = text;
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    if (digits.find('.') == std::string_view::npos) {
      std::int64_t v = 0;
      auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v);
      if (r.ec == std::errc() && r.ptr == digits.data() + digits.size()) return Value(v);
    }
    return Value(std::strtod(std::string(digits).c_str(), nullptr));
  }

  // ---- helpers ------------------------------------------------------------

  static constexpr int kMaxBlockDepth = 256;
  static constexpr int kMaxExpressionDepth = 1024;  // parser calls: ~4 per `and`, 1 per `(`

  struct DepthGuard {
    explicit DepthGuard(int& depth) : depth_(depth) { ++depth_; }
    ~DepthGuard() { --depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    int& depth_;
  };

  tl::unexpected<SourceError> too_deep(ExprLexer& lex) {
    return fail("expression is nested too deeply", lex.position());
  }

  template <typename T>
  T* make_node(NodeKind kind, Pos offset) {
    T* n = tpl_.arena_.make<T>();
    n->kind = kind;
    n->offset = offset;
    return n;
  }

  int line_of(std::size_t offset) const { return line_column(src_, offset).line; }

  const Engine& engine_;
  Template& tpl_;
  const std::string& src_;
  TokenList tokens_;
  std::size_t pos_ = 0;
  int block_depth_ = 0;
  int expr_depth_ = 0;
};

Result<std::shared_ptr<const Template>> parse_expression_template(const Engine& engine,
                                                                  std::string_view source,
                                                                  std::string name) {
  auto tpl = std::make_shared<Template>(std::string(source), std::move(name));
  Parser parser(engine, *tpl);
  if (auto ok = parser.run_expression(); !ok) {
    return tl::unexpected(
        template_error(tpl->source(), tpl->name(), ok.error().offset, ok.error().message));
  }
  return std::shared_ptr<const Template>(std::move(tpl));
}

Result<std::shared_ptr<const Template>> parse_template(const Engine& engine,
                                                       std::string_view source, std::string name) {
  auto tpl = std::make_shared<Template>(std::string(source), std::move(name));
  Parser parser(engine, *tpl);
  if (auto ok = parser.run(); !ok) {
    return tl::unexpected(
        template_error(tpl->source(), tpl->name(), ok.error().offset, ok.error().message));
  }
  return std::shared_ptr<const Template>(std::move(tpl));
}

}  // namespace hypergen::liquid
