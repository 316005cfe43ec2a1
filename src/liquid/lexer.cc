#include "liquid/lexer.h"
#include "liquid/unicode.h"

#include <algorithm>
#include <cstring>

namespace hypergen::liquid {

namespace {

using Pos = std::uint32_t;

// Next "{{" or "{%" at or after `from`, or npos. memchr does the scanning
// so long runs of plain text cost almost nothing.
std::size_t find_open(std::string_view src, std::size_t from) {
  const char* base = src.data();
  const char* end = base + src.size();
  const char* p = base + from;
  while (p < end) {
    const void* hit = std::memchr(p, '{', static_cast<std::size_t>(end - p));
    if (!hit) return std::string_view::npos;
    const char* q = static_cast<const char*>(hit);
    if (q + 1 < end && (q[1] == '{' || q[1] == '%')) return static_cast<std::size_t>(q - base);
    p = q + 1;
  }
  return std::string_view::npos;
}

// Fills the content range, dash flags and (for tags) the name of a delimited
// token whose inside is src[cb, ce).
void set_content(std::string_view src, Token& t, Pos cb, Pos ce) {
  t.trim_left = cb < ce && src[cb] == '-';
  t.trim_right = cb < ce && src[ce - 1] == '-';
  Pos l = t.trim_left ? cb + 1 : cb;
  Pos r = t.trim_right ? ce - 1 : ce;
  if (r < l) r = l;
  while (l < r && is_blank(src[l])) ++l;
  while (r > l && is_blank(src[r - 1])) --r;
  t.content_begin = l;
  t.content_end = r;
}

tl::expected<void, SourceError> set_tag_name(std::string_view src, Token& t) {
  Pos p = t.content_begin;
  t.name_begin = p;
  if (p < t.content_end && src[p] == '#') {
    ++p;
  } else {
    while (p < t.content_end && is_word(src[p])) ++p;
  }
  if (p == t.name_begin) {
    return tl::unexpected(SourceError{"expected a tag name after '{%'", t.content_begin});
  }
  t.name = src.substr(t.name_begin, p - t.name_begin);
  while (p < t.content_end && is_blank(src[p])) ++p;
  t.args_begin = p;
  return {};
}

// Index of the "}}" closing an output that starts at `from`, skipping quoted
// strings (as LiquidJS does); npos when missing.
std::size_t find_output_close(std::string_view src, std::size_t from) {
  std::size_t p = from;
  while (p + 1 < src.size()) {
    char c = src[p];
    if (c == '"' || c == '\'') {
      std::size_t close = p + 1;
      bool escaped = false;
      while (close < src.size()) {
        char d = src[close];
        if (d == c && !escaped) break;
        escaped = !escaped && d == '\\';
        ++close;
      }
      p = close + 1;
      continue;
    }
    if (c == '}' && src[p + 1] == '}') return p;
    ++p;
  }
  return std::string_view::npos;
}

// Finds "{% endraw %}" (dashes allowed) at or after `from`. Returns its start
// and sets `close` to the index just past its "%}".
std::size_t find_endraw(std::string_view src, std::size_t from, std::size_t& close) {
  for (std::size_t q = find_open(src, from); q != std::string_view::npos;
       q = find_open(src, q + 1)) {
    if (src[q + 1] != '%') continue;
    std::size_t k = q + 2;
    if (k < src.size() && src[k] == '-') ++k;
    while (k < src.size() && is_blank(src[k])) ++k;
    if (src.substr(k, 6) != "endraw") continue;
    k += 6;
    if (k < src.size() && is_word(src[k]) && src[k] != '-') continue;
    std::size_t e = src.find("%}", k);
    if (e == std::string_view::npos) return std::string_view::npos;
    close = e + 2;
    return q;
  }
  return std::string_view::npos;
}

void trim_text_end(std::string_view src, Token& t) {
  while (t.end > t.begin && is_blank(src[t.end - 1])) --t.end;
}
void trim_text_begin(std::string_view src, Token& t) {
  while (t.begin < t.end && is_blank(src[t.begin])) ++t.begin;
}

// LiquidJS's whiteSpaceCtrl: a dash trims the adjacent text token only; the
// inside of raw blocks is never trimmed.
void apply_whitespace_control(std::string_view src, TokenList& tokens) {
  bool in_raw = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    if (t.kind == TokenKind::kText) continue;
    if (!in_raw && t.trim_left && i > 0 && tokens[i - 1].kind == TokenKind::kText) {
      trim_text_end(src, tokens[i - 1]);
    }
    if (t.kind == TokenKind::kTag) {
      if (t.name == "raw") in_raw = true;
      if (t.name == "endraw") in_raw = false;
    }
    if (!in_raw && t.trim_right && i + 1 < tokens.size() &&
        tokens[i + 1].kind == TokenKind::kText) {
      trim_text_begin(src, tokens[i + 1]);
    }
  }
}

void push_text(TokenList& tokens, std::size_t begin, std::size_t end) {
  if (end <= begin) return;
  Token t;
  t.kind = TokenKind::kText;
  t.begin = static_cast<Pos>(begin);
  t.end = static_cast<Pos>(end);
  tokens.push_back(t);
}

}  // namespace

tl::expected<TokenList, SourceError> tokenize(std::string_view source, std::uint32_t begin,
                                              std::uint32_t end) {
  if (source.size() >= 0xFFFFFFF0u) {
    return tl::unexpected(SourceError{"template is too large (4 GiB or more)", 0});
  }
  // Offsets stay relative to `source`; scanning stops at `end`.
  const std::string_view src = source.substr(0, std::min<std::size_t>(end, source.size()));
  TokenList tokens;
  tokens.reserve((src.size() - std::min<std::size_t>(begin, src.size())) / 32 + 4);
  std::size_t p = begin;
  while (p < src.size()) {
    std::size_t q = find_open(src, p);
    if (q == std::string_view::npos) {
      push_text(tokens, p, src.size());
      break;
    }
    push_text(tokens, p, q);
    Token t;
    t.begin = static_cast<Pos>(q);
    if (src[q + 1] == '%') {
      std::size_t e = src.find("%}", q + 2);
      if (e == std::string_view::npos) {
        return tl::unexpected(SourceError{"tag '{%' was never closed (missing '%}')", q});
      }
      t.kind = TokenKind::kTag;
      t.end = static_cast<Pos>(e + 2);
      set_content(src, t, static_cast<Pos>(q + 2), static_cast<Pos>(e));
      if (auto ok = set_tag_name(src, t); !ok) return tl::unexpected(ok.error());
      tokens.push_back(t);
      p = e + 2;
      if (t.name == "raw") {
        std::size_t close = 0;
        std::size_t r = find_endraw(src, p, close);
        if (r == std::string_view::npos) {
          return tl::unexpected(
              SourceError{"'raw' was never closed (missing '{% endraw %}')", t.name_begin});
        }
        push_text(tokens, p, r);
        Token end_tag;
        end_tag.kind = TokenKind::kTag;
        end_tag.begin = static_cast<Pos>(r);
        end_tag.end = static_cast<Pos>(close);
        set_content(src, end_tag, static_cast<Pos>(r + 2), static_cast<Pos>(close - 2));
        if (auto ok = set_tag_name(src, end_tag); !ok) return tl::unexpected(ok.error());
        tokens.push_back(end_tag);
        p = close;
      }
    } else {
      std::size_t e = find_output_close(src, q + 2);
      if (e == std::string_view::npos) {
        return tl::unexpected(SourceError{"output '{{' was never closed (missing '}}')", q});
      }
      t.kind = TokenKind::kOutput;
      t.end = static_cast<Pos>(e + 2);
      set_content(src, t, static_cast<Pos>(q + 2), static_cast<Pos>(e));
      tokens.push_back(t);
      p = e + 2;
    }
  }
  apply_whitespace_control(src, tokens);
  return tokens;
}

tl::expected<TokenList, SourceError> tokenize_liquid_lines(std::string_view src, Pos begin,
                                                           Pos end) {
  TokenList tokens;
  Pos p = begin;
  while (p < end) {
    while (p < end && is_blank(src[p])) ++p;
    if (p >= end) break;
    Pos line_end = p;
    while (line_end < end && src[line_end] != '\n') ++line_end;
    Token t;
    t.kind = TokenKind::kTag;
    t.begin = p;
    t.end = line_end;
    Pos r = line_end;
    while (r > p && is_blank(src[r - 1])) --r;
    t.content_begin = p;
    t.content_end = r;
    if (auto ok = set_tag_name(src, t); !ok) return tl::unexpected(ok.error());
    tokens.push_back(t);
    p = line_end;
  }
  return tokens;
}

ExprToken ExprLexer::scan() {
  skip_blanks();
  ExprToken t;
  t.begin = pos_;
  if (pos_ >= end_) {
    t.kind = ExprTokKind::kEnd;
    return t;
  }
  const Pos start = pos_;
  const char c = src_[pos_];
  auto finish = [&](ExprTokKind kind, Pos len) {
    t.kind = kind;
    pos_ = start + len;
    t.text = src_.substr(start, len);
    return t;
  };
  auto at = [&](Pos i) -> char { return start + i < end_ ? src_[start + i] : '\0'; };

  if (c == '"' || c == '\'') {
    Pos p = start + 1;
    bool escaped = false;
    t.terminated = false;
    while (p < end_) {
      char d = src_[p++];
      if (d == c && !escaped) {
        t.terminated = true;
        break;
      }
      escaped = !escaped && d == '\\';
    }
    return finish(ExprTokKind::kString, p - start);
  }
  if ((c >= '0' && c <= '9') || c == '-' || c == '+') {
    // LiquidJS readNumber: sign, digits, at most one '.', not followed by a
    // word character (else it is an identifier such as `1st` or `-x`).
    Pos n = (c == '-' || c == '+') ? 1 : 0;
    bool digit = false;
    bool dot = false;
    bool ok = true;
    while (start + n < end_) {
      char d = at(n);
      if (d >= '0' && d <= '9') {
        digit = true;
        ++n;
      } else if (d == '.' && at(n + 1) != '.') {
        if (dot || !digit) {
          ok = false;
          break;
        }
        dot = true;
        ++n;
      } else {
        break;
      }
    }
    if (ok && digit && !is_word(at(n))) return finish(ExprTokKind::kNumber, n);
  }
  if (is_word(c)) {
    Pos n = 0;
    while (start + n < end_ && is_word(src_[start + n])) ++n;
    return finish(ExprTokKind::kIdent, n);
  }
  switch (c) {
    case '=':
      return at(1) == '=' ? finish(ExprTokKind::kCompare, 2) : finish(ExprTokKind::kAssign, 1);
    case '!':
      return at(1) == '=' ? finish(ExprTokKind::kCompare, 2) : finish(ExprTokKind::kInvalid, 1);
    case '<':
      return (at(1) == '=' || at(1) == '>') ? finish(ExprTokKind::kCompare, 2)
                                            : finish(ExprTokKind::kCompare, 1);
    case '>':
      return at(1) == '=' ? finish(ExprTokKind::kCompare, 2) : finish(ExprTokKind::kCompare, 1);
    case '|':
      return finish(ExprTokKind::kPipe, 1);
    case ':':
      return finish(ExprTokKind::kColon, 1);
    case ',':
      return finish(ExprTokKind::kComma, 1);
    case '[':
      return finish(ExprTokKind::kLBracket, 1);
    case ']':
      return finish(ExprTokKind::kRBracket, 1);
    case '(':
      return finish(ExprTokKind::kLParen, 1);
    case ')':
      return finish(ExprTokKind::kRParen, 1);
    case '.':
      return at(1) == '.' ? finish(ExprTokKind::kDotDot, 2) : finish(ExprTokKind::kDot, 1);
    default:
      break;
  }
  // One whole UTF-8 character, for the error message.
  Pos len = 1;
  while (start + len < end_ && (static_cast<unsigned char>(src_[start + len]) & 0xC0) == 0x80) {
    ++len;
  }
  return finish(ExprTokKind::kInvalid, len);
}

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string unquote(std::string_view q) {
  std::string out;
  if (q.size() < 2) return out;
  // LiquidJS drops the first and the last character whether or not the last
  // one is the closing quote, so an unterminated "abc is "ab" (we drop a
  // whole UTF-8 character where JavaScript drops a UTF-16 unit).
  std::size_t last = q.size() - 1;
  while (last > 1 && (static_cast<unsigned char>(q[last]) & 0xC0) == 0x80) --last;
  std::string_view body = q.substr(1, last - 1);
  out.reserve(body.size());
  std::uint32_t pending_high = 0;  // a UTF-16 high surrogate from \uD8xx
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out += body[i];
      continue;
    }
    char e = body[++i];
    switch (e) {
      case 'b':
        out += '\b';
        continue;
      case 'f':
        out += '\f';
        continue;
      case 'n':
        out += '\n';
        continue;
      case 'r':
        out += '\r';
        continue;
      case 't':
        out += '\t';
        continue;
      case 'v':
        out += '\v';
        continue;
      default:
        break;
    }
    if (e == 'u') {
      std::uint32_t v = 0;
      std::size_t j = i + 1;
      while (j < body.size() && j <= i + 4 && hex_digit(body[j]) >= 0) {
        v = v * 16 + static_cast<std::uint32_t>(hex_digit(body[j++]));
      }
      i = j - 1;
      if (v >= 0xD800 && v <= 0xDBFF) {
        pending_high = v;
        continue;
      }
      if (v >= 0xDC00 && v <= 0xDFFF && pending_high) {
        v = 0x10000 + ((pending_high - 0xD800) << 10) + (v - 0xDC00);
      }
      pending_high = 0;
      utf8_append(out, static_cast<char32_t>(v));
      continue;
    }
    if (e >= '0' && e <= '7') {
      std::uint32_t v = 0;
      std::size_t j = i;
      while (j < body.size() && j <= i + 2 && body[j] >= '0' && body[j] <= '7') {
        v = v * 8 + static_cast<std::uint32_t>(body[j++] - '0');
      }
      i = j - 1;
      utf8_append(out, static_cast<char32_t>(v));
      continue;
    }
    out += e;
  }
  return out;
}

}  // namespace hypergen::liquid
