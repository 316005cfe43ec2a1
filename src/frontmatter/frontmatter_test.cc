#include "frontmatter/frontmatter.h"

#include <gtest/gtest.h>

#include "liquid/json.h"

namespace hypergen::frontmatter {
namespace {

TEST(FrontmatterSplitTest, Cases) {
  struct Row {
    std::string text;
    bool has;
    std::string yaml;
    std::string body;
  };
  const Row rows[] = {
      {"---\nto: a\n---\nbody\n", true, "to: a", "body\n"},
      {"no frontmatter\n---\nto: a\n---\n", false, "", "no frontmatter\n---\nto: a\n---\n"},
      {"--- \nto: a\n---\nbody\n", false, "", "--- \nto: a\n---\nbody\n"},  // trailing space
      {"---\r\nto: a\r\n---\r\nl1\r\nl2\r\n", true, "to: a", "l1\r\nl2\r\n"},
      {"---\nto: a\n---\n\n\n  indented\n", true, "to: a", "  indented\n"},
      {"---\nto: a\n---", true, "to: a", ""},
      {"---\nto: a\n---\n", true, "to: a", ""},
      {"---\nto: a\n...\nbody", true, "to: a", "body"},
      {"= yaml =\nto: a\n= yaml =\nbody", true, "to: a", "body"},
      {"\xEF\xBB\xBF---\nto: a\n---\nbody", true, "to: a", "body"},
      {"title --- x\nbefore\n---\nto: a\n---\nafter\n", true, "to: a",
       "title --- x\nbefore\nafter\n"},
      {"---\nto: a\n", false, "", "---\nto: a\n"},  // never closed
      {"---\n---\nbody", true, "", "body"},
      {"---\nto: a\n----\n---\nbody", true, "to: a\n----", "body"},
  };
  for (const Row& r : rows) {
    Split s = split(r.text);
    EXPECT_EQ(s.has_frontmatter, r.has) << r.text;
    EXPECT_EQ(s.yaml, r.yaml) << r.text;
    EXPECT_EQ(s.body, r.body) << r.text;
  }
}

TEST(FrontmatterSplitTest, LineNumbers) {
  Split s = split("---\n\nto: a\n---\nbody");
  EXPECT_EQ(s.yaml_line, 3);
  EXPECT_EQ(s.body_line, 5);
}

TEST(FrontmatterYamlTest, JsYamlScalars) {
  auto a = parse_yaml(
      "a: ~\nb: yes\nc: True\nd: 010\ne: 0x1F\nf: 1_000\ng: 1:20\nh: 1.5\ni: .5\nj: 0o10\n"
      "k: '010'\nl: \"true\"\nm: 1e3\nn: 09\n",
      "t", 1);
  ASSERT_TRUE(a) << a.error().describe();
  EXPECT_EQ(
      liquid::to_json(a->values),
      R"({"a":null,"b":"yes","c":true,"d":8,"e":31,"f":1000,"g":80,"h":1.5,"i":0.5,"j":"0o10","k":"010","l":"true","m":1000,"n":"09"})");
}

TEST(FrontmatterYamlTest, RegexpTagAndLines) {
  auto a = parse_yaml("to: x\nafter: !!js/regexp /Foo/i\nskip: !!js/undefined\n", "t", 5);
  ASSERT_TRUE(a) << a.error().describe();
  ASSERT_EQ(a->regexps.count("after"), 1u);
  EXPECT_EQ(a->regexps.at("after").pattern, "Foo");
  EXPECT_EQ(a->regexps.at("after").flags, "i");
  EXPECT_EQ(a->find("after")->as_string(), "/Foo/i");
  EXPECT_TRUE(a->find("skip")->is_nil());
  EXPECT_EQ(a->line_of("after"), 6);
}

TEST(FrontmatterYamlTest, TimestampsAndRegexpsGetJavaScriptExpressions) {
  auto a = parse_yaml(
      "when: 2001-12-14\nat: 2001-12-14t21:59:43.10-05:00\nz: 2001-12-14 2:59:43.1234Z\n"
      "list: [2002-1-2 1:02:03, x]\nq: '2001-12-14'\nnot: 2001-12-14x\nshort: 2001-1-2\n"
      "re: !!js/regexp /a\"b/g\nmap: {r: !!js/regexp /x/}\n",
      "t", 1);
  ASSERT_TRUE(a) << a.error().describe();
  using Path = std::vector<std::string>;
  const auto& js = a->js_values;
  EXPECT_EQ(js.at(Path{"when"}), "new Date(Date.UTC(2001,12-1,14))");
  EXPECT_EQ(js.at(Path{"at"}), "new Date(Date.UTC(2001,12-1,14,21,59,43,100)+18000000)");
  EXPECT_EQ(js.at(Path{"z"}), "new Date(Date.UTC(2001,12-1,14,2,59,43,123))");
  EXPECT_EQ(js.at(Path({"list", "0"})), "new Date(Date.UTC(2002,1-1,2,1,2,3,0))");
  EXPECT_EQ(js.count(Path({"list", "1"})), 0u);
  EXPECT_EQ(js.count(Path{"q"}), 0u);      // quoted: a string
  EXPECT_EQ(js.count(Path{"not"}), 0u);    // not a timestamp
  EXPECT_EQ(js.count(Path{"short"}), 0u);  // a date needs two-digit month and day
  EXPECT_EQ(js.at(Path{"re"}), R"(new RegExp("a\"b","g"))");
  EXPECT_EQ(js.at(Path({"map", "r"})), R"(new RegExp("x",""))");
  // What Liquid sees is unchanged: the text.
  EXPECT_EQ(a->find("when")->as_string(), "2001-12-14");
  EXPECT_EQ(a->regexps.count("re"), 1u);
  EXPECT_EQ(a->regexps.count("map"), 0u);
  auto bad = parse_yaml("t: !!timestamp soon\n", "t", 1);
  ASSERT_FALSE(bad);
  auto tagged = parse_yaml("t: !!timestamp 2001-12-14\n", "t", 1);
  ASSERT_TRUE(tagged) << tagged.error().describe();
  EXPECT_EQ(tagged->js_values.count(Path{"t"}), 1u);
}

TEST(FrontmatterYamlTest, ErrorsCarryFileLine) {
  auto dup = parse_yaml("to: a\nto: b\n", "tpl.t", 2);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().where.file, "tpl.t");
  EXPECT_EQ(dup.error().where.line, 3);
  auto bad = parse_yaml("to: a\nkey: [unclosed\n", "tpl.t", 2);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kData);
  EXPECT_GE(bad.error().where.line, 3);
  auto tab = parse_yaml("to:\n\tx: 1\n", "tpl.t", 2);
  ASSERT_FALSE(tab);
  EXPECT_EQ(tab.error().where.line, 3);
}

TEST(FrontmatterYamlTest, HugeIntegersDoNotThrow) {
  auto a = parse_yaml("x: 0xEEEEEEEEEEEEEEEEEEEE\ny: " + std::string(400, '9') + "\n", "t", 1);
  ASSERT_TRUE(a) << a.error().describe();
  EXPECT_TRUE(a->find("x")->is_float());
  EXPECT_GT(a->find("x")->as_float(), 1e23);
  EXPECT_TRUE(a->find("y")->is_float());  // Infinity, as JavaScript's parseInt
}

TEST(FrontmatterYamlTest, AliasInsideItsOwnAnchorIsAnError) {
  auto a = parse_yaml("a: &a [*a]\n", "tpl.t", 2);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().kind, ErrorKind::kData);
  EXPECT_NE(a.error().message.find("nests deeper"), std::string::npos) << a.error().message;
  EXPECT_EQ(a.error().where.file, "tpl.t");
}

TEST(FrontmatterYamlTest, AliasBombIsBounded) {
  std::string yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (char c = 'b'; c <= 'h'; ++c) {
    yaml += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) yaml += (i ? ", *" : "*") + prev;
    yaml += "]\n";
    prev = std::string(1, c);
  }
  auto a = parse_yaml(yaml, "tpl.t", 1);
  ASSERT_FALSE(a);
  EXPECT_NE(a.error().message.find("expands to more than"), std::string::npos) << a.error().message;
}

TEST(FrontmatterYamlTest, ModestAliasesStillWork) {
  auto a = parse_yaml("base: &b {x: 1}\nother: *b\n", "t", 1);
  ASSERT_TRUE(a) << a.error().describe();
  EXPECT_EQ(liquid::to_json(a->values), R"({"base":{"x":1},"other":{"x":1}})");
}

TEST(FrontmatterYamlTest, NonMappingIsNoAttributes) {
  auto a = parse_yaml("just a string", "t", 1);
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->values.as_object().empty());
}

// The fast path must give exactly what yaml-cpp + the js-yaml rules give, or
// step aside. `fast` says which texts it is expected to take.
TEST(FrontmatterYamlTest, SimplePathMatchesFullReader) {
  struct Row {
    std::string yaml;
    bool fast;
  };
  const Row rows[] = {
      {"to: a", true},
      {"to: src/{{ name }}/f0.jsx\ninject: true\nafter: export default", true},
      {"to: app/<%= name %>.js\nunless_exists: true", true},
      {"a: ~\nb: yes\nc: True\nd: 010\ne: 0x1F\nf: 1_000\ng: 1:20\nh: 1.5\ni: .5\nj: 0o10", true},
      {"m: 1e3\nn: 09\no: null\np: FALSE\nq: .inf\nr: .NaN\ns: 0b101\nt: 1_0.5", true},
      {"k: '010'\nl: \"true\"\nm: \"{{ name }}.js\"\nn: ''\no: \"\"", true},
      {"d: 2001-12-14\ne: 2001-12-14 21:59:43.10 -5\nf: 2001-12-14t21:59:43.10-05:00", true},
      {"d: '2001-12-14'", true},
      {"NULL: 2001-21-13\n\n", false},
      {"True: 1", false},
      {"nulls: 1\ntruey: 2", true},
      {"empty:\nnext: 1", true},
      {"a: 1\n\n\nb: 2", true},
      {"url: http://example.com/a?b=c&d=e", true},
      {"sh: echo hi > out.txt && cat out.txt", true},
      {"a: x, y, z\nb: a{b}c\nc: a[0]\nd: it's\ne: say \"hi\"\nf: 100%", true},
      {"to:    spaced   \nx-y_z: 1", true},
      {"force: true\nskip_if: /foo/", true},
      {"a: 12345678901234567890\nb: -", false},
      {"a: -1", false},
      {"a: [1, 2]", false},
      {"a: {b: 1}", false},
      {"a: 1 # comment", false},
      {"# comment\na: 1", false},
      {"a: 1\na: 2", false},
      {"a:\n  b: 1", false},
      {"a: |\n  text", false},
      {"a: &x 1\nb: *x", false},
      {"a: !!js/regexp /x/", false},
      {"a: \"esc\\n\"", false},
      {"a: 'it''s'", false},
      {"a: b: c", false},
      {"a: b:", false},
      {"a:b", false},
      {"- a\n- b", false},
      {"just a scalar", false},
      {" a: 1", false},
      {"a: 1\r\nb: 2", false},
      {"a: caf\xC3\xA9", false},
      {"a:\tb", false},
      {"---\na: 1", false},
      {"a: \"unterminated", false},
      {"a: 'x' y", false},
      {"? a\n: b", false},
      {"<<: {a: 1}", false},
      {"   \na: 1", false},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.yaml);
    auto fast = parse_simple_yaml(r.yaml, 7);
    EXPECT_EQ(fast.has_value(), r.fast);
    if (!fast) continue;
    auto full = parse_yaml_full(r.yaml, "t", 7);
    ASSERT_TRUE(full) << full.error().describe();
    EXPECT_EQ(liquid::to_json(fast->values), liquid::to_json(full->values));
    EXPECT_EQ(fast->lines, full->lines);
    EXPECT_EQ(fast->js_values, full->js_values);
    EXPECT_TRUE(full->regexps.empty());
    // parse_yaml gives the same as either.
    auto via = parse_yaml(r.yaml, "t", 7);
    ASSERT_TRUE(via);
    EXPECT_EQ(liquid::to_json(via->values), liquid::to_json(full->values));
  }
}

TEST(FrontmatterYamlTest, SimplePathKeepsLinesAndOrder) {
  auto a = parse_simple_yaml("to: x\n\nafter: y\nat_line: 3", 10);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->line_of("to"), 10);
  EXPECT_EQ(a->line_of("after"), 12);
  EXPECT_EQ(a->line_of("at_line"), 13);
  EXPECT_EQ(liquid::to_json(a->values), R"({"to":"x","after":"y","at_line":3})");
}

// A duplicate key goes to the full reader, which names the second one.
TEST(FrontmatterYamlTest, DuplicateKeyErrorComesFromFullReader) {
  auto a = parse_yaml("to: a\nto: b", "t.ejs.t", 2);
  ASSERT_FALSE(a);
  EXPECT_NE(a.error().message.find("duplicated mapping key 'to'"), std::string::npos);
  EXPECT_EQ(a.error().where.line, 3);
}

}  // namespace
}  // namespace hypergen::frontmatter
