#include "ejs/compile.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace hypergen::ejs {
namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// tests/ejs/compile/NAME.ejs against NAME.js / NAME.error, both written by
// the real ejs 3.1.10 (tools/gen/ejs-sources.mjs).
TEST(EjsCompile, MatchesTheNpmPackageOnTheCorpus) {
  std::filesystem::path dir = std::filesystem::path(HYPERGEN_SOURCE_DIR) / "tests/ejs/compile";
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".ejs") continue;
    ++cases;
    std::filesystem::path base = entry.path();
    base.replace_extension();
    std::string text = read(entry.path());
    auto src = compile(text, entry.path().filename().string());
    if (std::filesystem::exists(base.string() + ".error")) {
      ASSERT_FALSE(src) << entry.path();
      std::string expected = read(base.string() + ".error");
      EXPECT_EQ(src.error().message + "\n", expected) << entry.path();
    } else {
      ASSERT_TRUE(src) << entry.path() << ": " << src.error().message;
      EXPECT_EQ(*src, read(base.string() + ".js")) << entry.path();
    }
  }
  EXPECT_GE(cases, 25);
}

TEST(EjsCompile, UnclosedTagNamesItsLine) {
  auto src = compile("a\nb\n<%= c\n", "t.ejs");
  ASSERT_FALSE(src);
  EXPECT_EQ(src.error().where.file, "t.ejs");
  EXPECT_EQ(src.error().where.line, 3);
  EXPECT_EQ(src.error().kind, ErrorKind::kTemplate);
}

TEST(EjsCompile, PlainText) {
  EXPECT_TRUE(is_plain_text("hello {{ name }}\n"));
  EXPECT_FALSE(is_plain_text("a <% b"));
  EXPECT_FALSE(is_plain_text("a %> b"));  // a stray closer is dropped by ejs
  EXPECT_FALSE(is_plain_text("a -%>\nb"));
}

TEST(EjsCompile, SourceLinesMapBackToTemplateLines) {
  auto src = compile("a\n<%= b %>\n<% c(\n) %>\nd <%= e %>\n");
  ASSERT_TRUE(src);
  // Find the generated line holding "escapeFn( e )".
  int line = 1;
  std::size_t pos = src->find("escapeFn( e )");
  for (std::size_t i = 0; i < pos; ++i) line += (*src)[i] == '\n';
  EXPECT_EQ(line_for_source_line(*src, line), 5);
  EXPECT_EQ(line_for_source_line(*src, 1), 1);
}

TEST(EjsCompile, JsonQuote) {
  EXPECT_EQ(json_quote("a\"b\\c\n\t\x01\x7f"), "\"a\\\"b\\\\c\\n\\t\\u0001\x7f\"");
  EXPECT_EQ(json_quote("\xe2\x80\xa8"), "\"\xe2\x80\xa8\"");
}

}  // namespace
}  // namespace hypergen::ejs
