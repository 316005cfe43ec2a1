#include "manifest/expr.h"

#include <gtest/gtest.h>

#include "liquid/json.h"

namespace hypergen::manifest {
namespace {

liquid::Value scope() {
  return *liquid::parse_json(
      R"({"name":"Button","count":3,"style":"css","features":["router","tests"],"on":true,"nested":{"a":1}})",
      "s");
}

bool eval(std::string_view text) {
  auto r = evaluate_condition(text, scope());
  EXPECT_TRUE(r) << text << ": " << r.error().message;
  return r && *r;
}

TEST(Expr, Truthiness) {
  EXPECT_TRUE(eval("name"));
  EXPECT_TRUE(eval("on"));
  EXPECT_FALSE(eval("missing"));
  EXPECT_FALSE(eval("!on"));
  EXPECT_FALSE(eval("''"));
}

TEST(Expr, ComparisonsAndLogic) {
  EXPECT_TRUE(eval("style === 'css'"));
  EXPECT_TRUE(eval("style != \"scss\""));
  EXPECT_TRUE(eval("count > 2 && count <= 3"));
  EXPECT_TRUE(eval("count < 2 || style == 'css'"));
  EXPECT_TRUE(eval("missing == null"));
  EXPECT_TRUE(eval("missing === undefined"));
  EXPECT_TRUE(eval("(count + 1) * 2 == 8"));
  EXPECT_TRUE(eval("count % 2 == 1"));
  EXPECT_TRUE(eval("name + '!' == 'Button!'"));
  EXPECT_TRUE(eval("on ? count == 3 : false"));
}

TEST(Expr, MembersAndMethods) {
  EXPECT_TRUE(eval("features.includes('router')"));
  EXPECT_FALSE(eval("features.includes('redux')"));
  EXPECT_TRUE(eval("features.length == 2"));
  EXPECT_TRUE(eval("features[1] == 'tests'"));
  EXPECT_TRUE(eval("nested.a == 1"));
  EXPECT_TRUE(eval("nested['a'] === 1"));
  EXPECT_TRUE(eval("name.startsWith('But') && name.endsWith('ton')"));
  EXPECT_TRUE(eval("['a', 'css'].includes(style)"));
  EXPECT_FALSE(eval("missing.includes('x')"));
}

TEST(Expr, ShortCircuitValues) {
  auto v = evaluate("missing || style", scope());
  ASSERT_TRUE(v);
  EXPECT_EQ(v->as_string(), "css");
}

TEST(Expr, ErrorsCarryColumns) {
  auto r = check_expression("count > ");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().where.column, 9);
  auto m = check_expression("name.exec('x')");
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("unknown method 'exec'"), std::string::npos);
  EXPECT_FALSE(check_expression("a @ b"));
  EXPECT_FALSE(check_expression("'open"));
  EXPECT_FALSE(check_expression("(a"));
  EXPECT_TRUE(check_expression("a.b.c && !d"));
  auto deep = check_expression(std::string(5000, '(') + "a" + std::string(5000, ')'));
  ASSERT_FALSE(deep);
  EXPECT_NE(deep.error().message.find("nested too deeply"), std::string::npos);
  EXPECT_FALSE(check_expression(std::string(5000, '!') + "a"));
}

}  // namespace
}  // namespace hypergen::manifest
