#include "util/spellcheck.h"

#include <vector>

#include <gtest/gtest.h>

namespace hypergen {
namespace {

TEST(EditDistance, Basics) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("Render", "render"), 0u);
}

TEST(Suggest, FindsCloseNamesOnly) {
  std::vector<std::string> names = {"render", "list", "init"};
  EXPECT_EQ(suggest("rendr", names), "render");
  EXPECT_EQ(suggest("lst", names), "list");
  EXPECT_EQ(suggest("completelydifferent", names), std::nullopt);
}

}  // namespace
}  // namespace hypergen
