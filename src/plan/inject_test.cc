#include "plan/inject.h"

#include <gtest/gtest.h>

namespace hypergen::plan {
namespace {

std::string run(std::string_view target, std::string_view body, const std::string& yaml) {
  auto attrs = frontmatter::parse_yaml(yaml, "t", 1);
  EXPECT_TRUE(attrs) << attrs.error().describe();
  auto r = inject(target, body, *attrs, "t");
  EXPECT_TRUE(r) << r.error().describe();
  return r->text;
}

TEST(InjectTest, OffsetTable) {
  const std::string file = "a\nb\nc\n";
  struct Row {
    std::string yaml, body, target, expected;
  };
  const Row rows[] = {
      {"prepend: true", "X\n", file, "X\n\na\nb\nc\n"},
      {"prepend: false\neof_last: false", "X\n", file, "X\na\nb\nc\n"},
      {"append: true", "X\n", file, "a\nb\nc\nX\n\n"},
      {"append: true\neof_last: false", "X\n", file, "a\nb\nc\nX\n"},
      {"append: true\neof_last: false", "X\n", "a\nlast", "a\nX\nlast"},
      {"at_line: 1\neof_last: false", "X\n", file, "a\nX\nb\nc\n"},
      {"at_line: '2'\neof_last: false", "X", file, "a\nb\nX\nc\n"},
      {"at_line: 99\neof_last: false", "X", file, "a\nb\nc\n\nX"},
      {"at_line: -1", "X", file, file},
      {"at_line: abc", "X", file, file},
      {"after: b\neof_last: false", "X\n", file, "a\nb\nX\nc\n"},
      {"before: b\neof_last: false", "X\n", file, "a\nX\nb\nc\n"},
      {"after: nope\neof_last: false", "X\n", file, "X\na\nb\nc\n"},
      {"before: nope", "X\n", file, file},
      {"after: \"b\\n\"\neof_last: false", "X", file, "a\nb\nc\nX\n"},
      {"before: \"^b$\"\neof_last: false", "X", file, "a\nX\nb\nc\n"},
      {"before: c\nafter: a\neof_last: false", "X", file, "a\nb\nX\nc\n"},
      {"after: a\nbefore: c\neof_last: false", "X", file, "a\nX\nb\nc\n"},
      {"after: !!js/regexp /B/i\neof_last: false", "X", file, "a\nb\nX\nc\n"},
      {"append: true\neof_last: true", "X", file, "a\nb\nc\nX\n\n"},
      {"append: true\neof_last: true", "X", "a\r\nb\r\n", "a\r\nb\r\nX\r\n\r\n"},
      {"after: a\neof_last: false", "X\n", "a\r\nb\r\n", "a\r\nX\r\nb\r\n"},
      {"append: true", "X", "", "X\n"},
      {"skip_if: b\nappend: true", "X", file, file},
      {"skip_if: \"^b\"\nappend: true\neof_last: false", "X", file, "a\nb\nc\nX\n"},
      {"skip_if: true\nappend: true\neof_last: false", "X", "true\n", "true\n"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(run(r.target, r.body, r.yaml), r.expected) << r.yaml;
  }
}

TEST(InjectTest, InvalidRegexNamesTheAttributeLine) {
  auto attrs = frontmatter::parse_yaml("to: x\ninject: true\nafter: \"(\"\n", "tpl.t", 2);
  ASSERT_TRUE(attrs);
  auto r = inject("a\n", "X", *attrs, "tpl.t");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kTemplate);
  EXPECT_EQ(r.error().where.file, "tpl.t");
  EXPECT_EQ(r.error().where.line, 4);
}

}  // namespace
}  // namespace hypergen::plan
