#include "liquid/json.h"

#include <gtest/gtest.h>

namespace hypergen::liquid {
namespace {

TEST(Json, ParsesIntoValuesKeepingKeyOrder) {
  auto v =
      parse_json(R"({"z": 1, "a": [true, null, 2.5, "s"], "big": 18446744073709551615})", "d.json");
  ASSERT_TRUE(v) << v.error().describe();
  const Object& o = v->as_object();
  EXPECT_EQ(o.entries()[0].first, "z");
  EXPECT_TRUE(o.find("z")->is_int());
  const Array& a = o.find("a")->as_array();
  EXPECT_TRUE(a[0].as_bool());
  EXPECT_TRUE(a[1].is_nil());
  EXPECT_EQ(a[2].as_float(), 2.5);
  EXPECT_EQ(a[3].as_string(), "s");
  EXPECT_TRUE(o.find("big")->is_float());
}

TEST(Json, ErrorsNameLineAndColumn) {
  auto v = parse_json("{\n  \"a\": tru\n}", "data.json");
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().kind, ErrorKind::kData);
  EXPECT_EQ(v.error().where.file, "data.json");
  EXPECT_EQ(v.error().where.line, 2);
  EXPECT_GT(v.error().where.column, 7);
  EXPECT_NE(v.error().message.find("invalid JSON"), std::string::npos);
}

TEST(Json, EmptyInputIsAnError) {
  auto v = parse_json("", "<stdin>");
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().where.line, 1);
}

TEST(Json, RoundTrips) {
  auto v = parse_json(R"({"a":[1,2.5,"x\n"],"b":{},"c":null})", "x");
  ASSERT_TRUE(v);
  EXPECT_EQ(to_json(*v), R"({"a":[1,2.5,"x\n"],"b":{},"c":null})");
  EXPECT_EQ(to_json(*v, 2),
            "{\n  \"a\": [\n    1,\n    2.5,\n    \"x\\n\"\n  ],\n  \"b\": {},\n  \"c\": null\n}");
}

}  // namespace
}  // namespace hypergen::liquid
