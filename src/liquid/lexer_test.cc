#include "liquid/lexer.h"

#include <gtest/gtest.h>

namespace hypergen::liquid {
namespace {

std::string_view text_of(std::string_view src, const Token& t) {
  return src.substr(t.begin, t.end - t.begin);
}
std::string_view content_of(std::string_view src, const Token& t) {
  return src.substr(t.content_begin, t.content_end - t.content_begin);
}

TEST(LiquidLexer, SplitsTextOutputAndTags) {
  std::string_view src = "a {{ x | f }} b {% if y %}c{% endif %}";
  auto tokens = tokenize(src);
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 6u);
  EXPECT_EQ((*tokens)[0].kind, TokenKind::kText);
  EXPECT_EQ(text_of(src, (*tokens)[0]), "a ");
  EXPECT_EQ((*tokens)[1].kind, TokenKind::kOutput);
  EXPECT_EQ(content_of(src, (*tokens)[1]), "x | f");
  EXPECT_EQ((*tokens)[3].kind, TokenKind::kTag);
  EXPECT_EQ((*tokens)[3].name, "if");
  EXPECT_EQ(src.substr((*tokens)[3].args_begin, (*tokens)[3].content_end - (*tokens)[3].args_begin),
            "y");
  EXPECT_EQ((*tokens)[5].name, "endif");
}

TEST(LiquidLexer, LoneBracesAreText) {
  auto tokens = tokenize("a { b } {x} }}");
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ((*tokens)[0].kind, TokenKind::kText);
}

TEST(LiquidLexer, WhitespaceControlTrimsNewlinesGreedily) {
  std::string_view src = "a \n\t {{- x -}} \n\n b";
  auto tokens = tokenize(src);
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 3u);
  EXPECT_EQ(text_of(src, (*tokens)[0]), "a");
  EXPECT_TRUE((*tokens)[1].trim_left);
  EXPECT_TRUE((*tokens)[1].trim_right);
  EXPECT_EQ(content_of(src, (*tokens)[1]), "x");
  EXPECT_EQ(text_of(src, (*tokens)[2]), "b");
}

TEST(LiquidLexer, RawContentIsOneUntrimmedTextToken) {
  std::string_view src = "{%- raw -%} {{ x }} {% if %} {%- endraw -%} z";
  auto tokens = tokenize(src);
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 4u);
  EXPECT_EQ((*tokens)[0].name, "raw");
  EXPECT_EQ(text_of(src, (*tokens)[1]), " {{ x }} {% if %} ");
  EXPECT_EQ((*tokens)[2].name, "endraw");
  EXPECT_EQ(text_of(src, (*tokens)[3]), "z");
}

TEST(LiquidLexer, OutputCloseInsideQuotesIsSkipped) {
  std::string_view src = "{{ \"}}\" }}!";
  auto tokens = tokenize(src);
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_EQ(content_of(src, (*tokens)[0]), "\"}}\"");
}

TEST(LiquidLexer, UnclosedDelimitersAreErrors) {
  auto a = tokenize("ab {{ x");
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().offset, 3u);
  EXPECT_EQ(a.error().message, "output '{{' was never closed (missing '}}')");
  auto b = tokenize("{% if x");
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().message, "tag '{%' was never closed (missing '%}')");
  auto c = tokenize("{% raw %} x");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message, "'raw' was never closed (missing '{% endraw %}')");
  auto d = tokenize("{%  %}");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message, "expected a tag name after '{%'");
}

TEST(LiquidLexer, InlineCommentTagName) {
  auto tokens = tokenize("{%# note %}");
  ASSERT_TRUE(tokens);
  EXPECT_EQ((*tokens)[0].name, "#");
}

TEST(LiquidLexer, LiquidTagLines) {
  std::string_view src = "  assign x = 1\n\n  echo x  \n";
  auto tokens = tokenize_liquid_lines(src, 0, static_cast<std::uint32_t>(src.size()));
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_EQ((*tokens)[0].name, "assign");
  EXPECT_EQ((*tokens)[1].name, "echo");
  EXPECT_EQ(content_of(src, (*tokens)[1]), "echo x");
}

std::vector<std::pair<ExprTokKind, std::string>> lex_all(std::string_view s) {
  ExprLexer lex(s, 0, static_cast<std::uint32_t>(s.size()));
  std::vector<std::pair<ExprTokKind, std::string>> out;
  for (ExprToken t = lex.next(); t.kind != ExprTokKind::kEnd; t = lex.next()) {
    out.emplace_back(t.kind, std::string(t.text));
  }
  return out;
}

TEST(LiquidExprLexer, Tokens) {
  using K = ExprTokKind;
  auto toks = lex_all("a.b[0] | f: 'x', k: -1.5 (1..n) == != <> <= >= < > = contains");
  std::vector<std::pair<K, std::string>> expected = {
      {K::kIdent, "a"},    {K::kDot, "."},       {K::kIdent, "b"},    {K::kLBracket, "["},
      {K::kNumber, "0"},   {K::kRBracket, "]"},  {K::kPipe, "|"},     {K::kIdent, "f"},
      {K::kColon, ":"},    {K::kString, "'x'"},  {K::kComma, ","},    {K::kIdent, "k"},
      {K::kColon, ":"},    {K::kNumber, "-1.5"}, {K::kLParen, "("},   {K::kNumber, "1"},
      {K::kDotDot, ".."},  {K::kIdent, "n"},     {K::kRParen, ")"},   {K::kCompare, "=="},
      {K::kCompare, "!="}, {K::kCompare, "<>"},  {K::kCompare, "<="}, {K::kCompare, ">="},
      {K::kCompare, "<"},  {K::kCompare, ">"},   {K::kAssign, "="},   {K::kIdent, "contains"}};
  EXPECT_EQ(toks, expected);
}

TEST(LiquidExprLexer, NumbersFollowedByWordCharsAreIdentifiers) {
  using K = ExprTokKind;
  EXPECT_EQ(lex_all("1st"), (std::vector<std::pair<K, std::string>>{{K::kIdent, "1st"}}));
  EXPECT_EQ(lex_all("-x"), (std::vector<std::pair<K, std::string>>{{K::kIdent, "-x"}}));
  EXPECT_EQ(lex_all("is-ok?"), (std::vector<std::pair<K, std::string>>{{K::kIdent, "is-ok?"}}));
}

TEST(LiquidExprLexer, Unquote) {
  EXPECT_EQ(unquote("'a\\nb'"), "a\nb");
  EXPECT_EQ(unquote("\"q\\\"q\""), "q\"q");
  EXPECT_EQ(unquote("'\\u00e9'"), "\xC3\xA9");
  EXPECT_EQ(unquote("'\\uD83D\\uDE00'"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(unquote("'\\x'"), "x");
}

TEST(LiquidLexer, OutputSkipsQuotedDelimitersButTagsDoNot) {
  // As LiquidJS: `}}` inside a quoted string does not close an output...
  std::string_view out = R"({{ "}}" }}|{{ '{% x %}' }}|{{ "a\"}}" }})";
  auto tokens = tokenize(out);
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 5u);
  EXPECT_EQ(content_of(out, (*tokens)[0]), R"("}}")");
  EXPECT_EQ(content_of(out, (*tokens)[2]), R"('{% x %}')");
  EXPECT_EQ(content_of(out, (*tokens)[4]), R"("a\"}}")");
  // ...but a tag ends at its first `%}`, quotes or not.
  std::string_view tag = R"({% assign s = "%}" %}!)";
  tokens = tokenize(tag);
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_EQ((*tokens)[0].name, "assign");
  EXPECT_EQ(content_of(tag, (*tokens)[0]), R"(assign s = ")");
  EXPECT_EQ(text_of(tag, (*tokens)[1]), R"(" %}!)");
  // An unterminated string in an output leaves it unclosed.
  auto bad = tokenize(R"(ab {{ "x }})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().offset, 3u);
}

TEST(LiquidLexer, TokenizesASliceWithOffsetsIntoTheWholeSource) {
  // What a partial name with markup uses: '…' inside a tag, parsed in place.
  std::string_view src = R"({% include 'files/{{ kind }}.liquid' %})";
  const auto begin = static_cast<std::uint32_t>(src.find('\'') + 1);
  const auto end = static_cast<std::uint32_t>(src.rfind('\''));
  auto tokens = tokenize(src, begin, end);
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 3u);
  EXPECT_EQ(text_of(src, (*tokens)[0]), "files/");
  EXPECT_EQ((*tokens)[1].kind, TokenKind::kOutput);
  EXPECT_EQ(content_of(src, (*tokens)[1]), "kind");
  EXPECT_EQ(text_of(src, (*tokens)[2]), ".liquid");
  EXPECT_EQ((*tokens)[2].end, end);
  // A `{{` whose `}}` lies beyond the slice is unclosed.
  EXPECT_FALSE(tokenize(src, begin, begin + 9));
}

TEST(LiquidLexer, UnquoteDropsTheLastCharacterOfAnUnterminatedString) {
  EXPECT_EQ(unquote(R"("abc")"), "abc");
  EXPECT_EQ(unquote(R"("abc)"), "ab");  // LiquidJS: slice(1, -1)
  EXPECT_EQ(unquote(R"(")"), "");
  EXPECT_EQ(unquote("'ab\xc3\xa9"), "ab");  // a whole UTF-8 character goes
  EXPECT_EQ(unquote(R"('it\'s')"), "it's");
}

}  // namespace
}  // namespace hypergen::liquid
