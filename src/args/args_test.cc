#include "args/args.h"

#include <gtest/gtest.h>

#include "liquid/json.h"

namespace hypergen::args {
namespace {

std::string opts_json(std::vector<std::string> words) {
  return liquid::to_json(parse_argv(words).options);
}

std::string pos_json(std::vector<std::string> words) {
  return liquid::to_json(liquid::Value(parse_argv(words).positionals));
}

TEST(ArgsTest, CoercionTableFromTheSpec) {
  struct Row {
    std::vector<std::string> words;
    std::string options;
  };
  const Row rows[] = {
      {{"--key", "value"}, R"({"key":"value"})"},
      {{"--key=value"}, R"({"key":"value"})"},
      {{"--empty="}, R"({"empty":""})"},
      {{"--eq=a=b"}, R"({"eq":"a=b"})"},
      {{"--q=\"quoted\""}, R"({"q":"quoted"})"},
      {{"--q", "\"quoted\""}, R"({"q":"\"quoted\""})"},
      {{"--flag"}, R"({"flag":true})"},
      {{"--flag", "--other", "x"}, R"({"flag":true,"other":"x"})"},
      {{"--no-flag"}, R"({"flag":false})"},
      {{"--key", "true"}, R"({"key":"true"})"},
      {{"--n", "5"}, R"({"n":5})"},
      {{"--n", "1.50"}, R"({"n":1.5})"},
      {{"--n", "1e3"}, R"({"n":1000})"},
      {{"--n", ".5"}, R"({"n":0.5})"},
      {{"--n", "0x1f"}, R"({"n":31})"},
      {{"--n", "-3"}, R"({"n":-3})"},
      {{"--n", "007"}, R"({"n":"007"})"},
      {{"--n", "1.2.3"}, R"({"n":"1.2.3"})"},
      {{"--n", "v1"}, R"({"n":"v1"})"},
      {{"--n", "99999999999999999999"}, R"({"n":"99999999999999999999"})"},
      {{"--my-var", "v"}, R"({"my-var":"v","myVar":"v"})"},
      {{"--snake_case", "v"}, R"({"snake_case":"v"})"},
      {{"--no-my-var"}, R"({"my-var":false,"myVar":false})"},
      {{"--opt.deep.key", "v"}, R"({"opt":{"deep":{"key":"v"}}})"},
      {{"--tag", "a", "--tag", "b", "--tag", "3"}, R"({"tag":["a","b",3]})"},
      {{"-n5"}, R"({"n":5})"},
      {{"-abc"}, R"({"a":true,"b":true,"c":true})"},
      {{"-abc", "val"}, R"({"a":true,"b":true,"c":"val"})"},
      {{"-x", "value"}, R"({"x":"value"})"},
      {{"-b", "-abc"}, R"({"b":[true,true],"a":true,"c":true})"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(opts_json(row.words), row.options) << row.words[0];
  }
}

TEST(ArgsTest, PositionalsAreCoercedExceptAfterDoubleDash) {
  EXPECT_EQ(pos_json({"gen", "new", "42", "0", "-3"}), R"(["gen","new",42,0,-3])");
  EXPECT_EQ(pos_json({"gen", "--", "42", "--x"}), R"(["gen","42","--x"])");
}

TEST(ArgsTest, CamelCase) {
  EXPECT_EQ(camel_case("my-var"), "myVar");
  EXPECT_EQ(camel_case("MY-VAR"), "myVar");
  EXPECT_EQ(camel_case("with-API-key"), "withAPIKey");
  EXPECT_EQ(camel_case("a_b-c"), "aBC");
}

Result<liquid::Value> locals_for(std::vector<std::string> words,
                                 std::optional<liquid::Value> name) {
  static ParsedArgs parsed;
  parsed = parse_argv(words);
  LocalsInput in;
  in.templates = "/p/_templates";
  in.actionfolder = "/p/_templates/g/new";
  in.generator = "g";
  in.action = "new";
  in.args = &parsed;
  in.name_positional = std::move(name);
  in.ts = liquid::Value("1");
  in.cwd = "/p";
  return build_locals(in);
}

TEST(ArgsTest, LocalsPrecedenceAndDerivedNames) {
  auto l = locals_for({"--name", "flag"}, liquid::Value("person"));
  ASSERT_TRUE(l);
  const auto& o = l->as_object();
  EXPECT_EQ(o.find("name")->as_string(), "person");  // positional beats --name
  EXPECT_EQ(o.find("Name")->as_string(), "Person");
  EXPECT_EQ(o.find("names")->as_string(), "people");
  EXPECT_EQ(o.find("Names")->as_string(), "People");
  EXPECT_EQ(o.find("cwd")->as_string(), "/p");

  auto unnamed = locals_for({}, liquid::Value(std::int64_t{0}));  // falsy positional
  ASSERT_TRUE(unnamed);
  EXPECT_EQ(unnamed->as_object().find("name")->as_string(), "unnamed");

  auto custom = locals_for({"--Name", "Custom"}, liquid::Value("x"));
  ASSERT_TRUE(custom);
  EXPECT_EQ(custom->as_object().find("Name")->as_string(), "Custom");
  EXPECT_EQ(custom->as_object().find("Names")->as_string(), "Xes");

  auto empty = locals_for({"--name="}, std::nullopt);
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->as_object().find("names")->as_string(), "s");
  EXPECT_EQ(empty->as_object().find("Names")->as_string(), "S");

  auto cwd_wins = locals_for({"--cwd", "/elsewhere", "--action", "other"}, std::nullopt);
  ASSERT_TRUE(cwd_wins);
  EXPECT_EQ(cwd_wins->as_object().find("cwd")->as_string(), "/p");
  EXPECT_EQ(cwd_wins->as_object().find("action")->as_string(), "other");
}

TEST(ArgsTest, NonStringNameFails) {
  auto l = locals_for({}, liquid::Value(std::int64_t{42}));
  ASSERT_FALSE(l);
  EXPECT_EQ(l.error().kind, ErrorKind::kData);
  EXPECT_FALSE(locals_for({"--name"}, std::nullopt));  // --name alone is true
}

TEST(ArgsTest, JsTruthy) {
  EXPECT_FALSE(js_truthy(liquid::Value("")));
  EXPECT_FALSE(js_truthy(liquid::Value(std::int64_t{0})));
  EXPECT_FALSE(js_truthy(liquid::Value()));
  EXPECT_TRUE(js_truthy(liquid::Value("false")));
  EXPECT_TRUE(js_truthy(liquid::Value(liquid::Array{})));
}

}  // namespace
}  // namespace hypergen::args
