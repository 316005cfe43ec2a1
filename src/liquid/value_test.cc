#include "liquid/value.h"

#include <cmath>
#include <limits>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace hypergen::liquid {
namespace {

TEST(FormatNumber, FollowsJavaScript) {
  EXPECT_EQ(format_number(1.0), "1");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_number(2.5), "2.5");
  EXPECT_EQ(format_number(-2.5), "-2.5");
  EXPECT_EQ(format_number(1e21), "1e+21");
  EXPECT_EQ(format_number(123456789012345680000.0), "123456789012345680000");
  EXPECT_EQ(format_number(1e-7), "1e-7");
  EXPECT_EQ(format_number(0.000001), "0.000001");
  EXPECT_EQ(format_number(1.5e-10), "1.5e-10");
  EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "-Infinity");
  EXPECT_EQ(format_number(100.0), "100");
}

TEST(ParseJsNumber, AcceptsWhatNumberAccepts) {
  EXPECT_EQ(parse_js_number(" 42 "), 42);
  EXPECT_EQ(parse_js_number(""), 0);
  EXPECT_EQ(parse_js_number("1.5e3"), 1500);
  EXPECT_EQ(parse_js_number("-.5"), -0.5);
  EXPECT_EQ(parse_js_number("0x1F"), 31);
  EXPECT_EQ(parse_js_number("-Infinity"), -std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(parse_js_number("12px")));
  EXPECT_TRUE(std::isnan(parse_js_number("1e")));
  EXPECT_TRUE(std::isnan(parse_js_number(".")));
}

TEST(Value, TruthinessIsLiquidJs) {
  EXPECT_FALSE(Value().truthy());
  EXPECT_FALSE(Value(false).truthy());
  EXPECT_TRUE(Value(0).truthy());
  EXPECT_TRUE(Value("").truthy());
  EXPECT_TRUE(Value(Array{}).truthy());
}

TEST(Value, JsTruthinessIsJavaScript) {
  EXPECT_FALSE(Value().js_truthy());
  EXPECT_FALSE(Value(0).js_truthy());
  EXPECT_FALSE(Value(std::numeric_limits<double>::quiet_NaN()).js_truthy());
  EXPECT_FALSE(Value("").js_truthy());
  EXPECT_TRUE(Value("0").js_truthy());
  EXPECT_TRUE(Value(Array{}).js_truthy());
}

TEST(Value, EmptyAndBlank) {
  EXPECT_TRUE(Value("").is_empty());
  EXPECT_FALSE(Value(" ").is_empty());
  EXPECT_TRUE(Value(" \n\t").is_blank());
  EXPECT_TRUE(Value().is_blank());
  EXPECT_FALSE(Value().is_empty());
  EXPECT_TRUE(Value(Object{}).is_empty());
  EXPECT_FALSE(Value(0).is_blank());
}

TEST(Value, OutputLikeJavaScriptString) {
  EXPECT_EQ(Value().to_output(), "");
  EXPECT_EQ(Value(true).to_output(), "true");
  EXPECT_EQ(Value(std::int64_t{-12}).to_output(), "-12");
  EXPECT_EQ(Value(3.0).to_output(), "3");
  EXPECT_EQ(Value(Array{Value(1), Value("a"), Value(Array{Value(2)})}).to_output(), "1a2");
  EXPECT_EQ(Value(Object{}).to_output(), "[object Object]");
}

TEST(Value, EqualityAcrossNumberKinds) {
  EXPECT_EQ(Value(1), Value(1.0));
  EXPECT_FALSE(Value(1) == Value("1"));
  EXPECT_EQ(Value(Array{Value(1), Value("x")}), Value(Array{Value(1.0), Value("x")}));
  Value obj = Object{};
  Value same = obj;
  EXPECT_EQ(obj, same);
  EXPECT_FALSE(obj == Value(Object{}));
}

TEST(Value, CopyOnWriteLeavesOriginalAlone) {
  Value a = Array{Value(1)};
  Value b = a;
  b.mutable_array().push_back(Value(2));
  EXPECT_EQ(a.as_array().size(), 1u);
  EXPECT_EQ(b.as_array().size(), 2u);
}

TEST(Object, KeepsInsertionOrderAndReplaces) {
  Object o;
  o.set("b", 1);
  o.set("a", 2);
  o.set("b", 3);
  ASSERT_EQ(o.size(), 2u);
  EXPECT_EQ(o.entries()[0].first, "b");
  EXPECT_EQ(o.find("b")->as_int(), 3);
  EXPECT_EQ(o.find("zz"), nullptr);
  EXPECT_TRUE(o.erase("b"));
  EXPECT_EQ(o.find("b"), nullptr);
}

TEST(Object, LargeObjectsUseTheIndex) {
  Object o;
  for (int i = 0; i < 500; ++i) o.set("key" + std::to_string(i), i);
  for (int i = 0; i < 500; ++i) {
    const Value* v = o.find("key" + std::to_string(i));
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(v->as_int(), i);
  }
  EXPECT_EQ(o.find("key500"), nullptr);
  o.set("key7", 70);
  EXPECT_EQ(o.find("key7")->as_int(), 70);
  EXPECT_EQ(o.size(), 500u);
}

// Objects are read from several threads at once while templates render in
// parallel: a const lookup must never write (the index is kept built by set()
// and erase()). Under ThreadSanitizer (CI) a write here is a reported race.
TEST(ParallelValue, ConstLookupsOfLargeObjectsNeverWrite) {
  for (std::size_t n : {23u, 24u, 25u, 40u}) {
    Object o;
    for (std::size_t i = 0; i < n; ++i) o.set("k" + std::to_string(i), Value(static_cast<int>(i)));
    o.erase("k0");  // erase keeps the index too
    o.set("k0", Value(0));
    const Object& read = o;
    std::vector<std::thread> threads;
    std::vector<int> found(4, 0);
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (std::size_t i = 0; i < n; ++i) {
          if (read.find("k" + std::to_string(i)) != nullptr) ++found[t];
        }
        if (read.find("missing") == nullptr) ++found[t];
      });
    }
    for (auto& th : threads) th.join();
    for (int t = 0; t < 4; ++t) EXPECT_EQ(found[t], static_cast<int>(n) + 1) << n;
  }
}

}  // namespace
}  // namespace hypergen::liquid
