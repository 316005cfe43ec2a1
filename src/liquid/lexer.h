#pragma once
// Liquid lexing, in two layers:
//
//  * tokenize() splits a template into text, output (`{{ … }}`) and tag
//    (`{% … %}`) tokens, handles `raw` blocks, and applies whitespace control
//    (`{{-`, `-}}`, `{%-`, `-%}`) the way LiquidJS does in its default
//    "greedy" mode: a dash trims every whitespace character (newlines
//    included) of the neighbouring text token on that side. As in LiquidJS,
//    an output's closing `}}` is searched outside quoted strings
//    (`{{ "}}" }}` works) but a tag ends at its first `%}` even inside
//    quotes (`{% assign s = "%}" %}` is the tag `assign s = "` followed by
//    the text `" %}`).
//  * ExprLexer scans the inside of a tag or output (identifiers, numbers,
//    strings, operators, punctuation) for the parser.
//
// Both work on string_views into the template source and record byte
// offsets only; nothing is copied.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/error.h"
#include "util/result.h"

namespace hypergen::liquid {

enum class TokenKind : std::uint8_t {
  kText,    // plain text between delimiters
  kOutput,  // {{ … }}
  kTag,     // {% name args %}
};

struct Token {
  TokenKind kind = TokenKind::kText;
  bool trim_left = false;   // `{{-` / `{%-`
  bool trim_right = false;  // `-}}` / `-%}`
  std::uint32_t begin = 0;  // whole token (text: after whitespace trimming)
  std::uint32_t end = 0;
  // Output/tag: the inside without delimiters, dashes and surrounding blanks.
  std::uint32_t content_begin = 0;
  std::uint32_t content_end = 0;
  // Tag: name (`#` for an inline comment) and where its arguments start.
  std::string_view name;
  std::uint32_t name_begin = 0;
  std::uint32_t args_begin = 0;
};

using TokenList = std::vector<Token>;

// Whitespace as LiquidJS counts it (space, \t, \n, \v, \f, \r).
inline bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
// Characters of an identifier in LiquidJS: letters, digits, '_', '-', '?'.
inline bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '?';
}

tl::expected<TokenList, SourceError> tokenize(std::string_view source, std::uint32_t begin,
                                              std::uint32_t end);
inline tl::expected<TokenList, SourceError> tokenize(std::string_view source) {
  return tokenize(source, 0,
                  static_cast<std::uint32_t>(std::min<std::size_t>(source.size(), 0xFFFFFFFFu)));
}

// Splits the body of a `{% liquid %}` tag (source[begin, end)) into one tag
// token per non-blank line.
tl::expected<TokenList, SourceError> tokenize_liquid_lines(std::string_view source,
                                                           std::uint32_t begin, std::uint32_t end);

enum class ExprTokKind : std::uint8_t {
  kEnd,
  kIdent,     // words, including keywords (and, or, not, contains, true, nil, …)
  kNumber,    // 12, -3, 1.5
  kString,    // 'x' or "x" (text keeps the quotes; see unquote())
  kCompare,   // == != <> < > <= >=
  kAssign,    // =
  kPipe,      // |
  kColon,     // :
  kComma,     // ,
  kDot,       // .
  kDotDot,    // ..
  kLBracket,  // [
  kRBracket,  // ]
  kLParen,    // (
  kRParen,    // )
  kInvalid,   // anything else (text is the offending character)
};

struct ExprToken {
  ExprTokKind kind = ExprTokKind::kEnd;
  std::uint32_t begin = 0;
  std::string_view text;
  bool terminated = true;  // kString: false when the closing quote is missing
};

class ExprLexer {
 public:
  ExprLexer(std::string_view source, std::uint32_t begin, std::uint32_t end)
      : src_(source), pos_(begin), end_(end) {}

  ExprToken next() {
    if (has_peek_) {
      has_peek_ = false;
      pos_ = peek_end_;
      return peek_tok_;
    }
    return scan();
  }
  // The next token without consuming it (cached: the parser peeks a lot).
  ExprToken peek() {
    if (!has_peek_) {
      std::uint32_t saved = pos_;
      peek_tok_ = scan();
      peek_end_ = pos_;
      pos_ = saved;
      has_peek_ = true;
    }
    return peek_tok_;
  }
  // Offset of the next non-blank character (or the end).
  std::uint32_t position() {
    skip_blanks();
    return pos_;
  }
  void reset(std::uint32_t pos) {
    pos_ = pos;
    has_peek_ = false;
  }
  bool at_end() { return position() >= end_; }
  std::uint32_t end() const { return end_; }
  std::string_view rest() {
    skip_blanks();
    return src_.substr(pos_, end_ - pos_);
  }

 private:
  ExprToken scan();
  void skip_blanks() {
    while (pos_ < end_ && is_blank(src_[pos_])) ++pos_;
  }
  std::string_view src_;
  std::uint32_t pos_;
  std::uint32_t end_;
  bool has_peek_ = false;
  ExprToken peek_tok_;
  std::uint32_t peek_end_ = 0;
};

// The value of a quoted string token, with LiquidJS's escapes (\n, \t, \uXXXX,
// octal, and a backslash before any other character). An unterminated token
// (`"abc` at the end of a tag) loses its last character, as in LiquidJS.
std::string unquote(std::string_view quoted);

}  // namespace hypergen::liquid
