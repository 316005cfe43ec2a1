#include "util/path.h"

#include <gtest/gtest.h>

namespace hypergen {
namespace {

TEST(SplitPath, DropsEmptyComponents) {
  EXPECT_EQ(split_path("/a//b/"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(split_path("x"), (std::vector<std::string>{"x"}));
  EXPECT_TRUE(split_path("/").empty());
  EXPECT_TRUE(split_path("").empty());
  EXPECT_EQ(split_path("../c"), (std::vector<std::string>{"..", "c"}));
}

}  // namespace
}  // namespace hypergen
