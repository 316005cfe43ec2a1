#include "resolve/collation.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace hypergen::resolve {
namespace {

TEST(CollationTest, ObservedHygenOrder) {
  // Spec §7.2, observed order of one action folder.
  std::vector<std::string> expected = {
      "_x.t",    "-x.t",    ".dot.t",  "@at.t",   "#h.t",    "~t.t",  "$d.t", "0.t", "1.t",
      "a.t",     "A.t",     "a10.t",   "a2.t",    "Aa.t",    "ab.t",  "b.t",  "B.t", "sp ace.t",
      "sub_b.t", "sub-a.t", "sub.c.t", "sub/A.t", "sub/z.t", "x+y.t", "Z.t"};
  std::vector<std::string> shuffled = expected;
  std::reverse(shuffled.begin(), shuffled.end());
  std::rotate(shuffled.begin(), shuffled.begin() + 7, shuffled.end());
  for (auto& s : shuffled) s = "/p/_templates/g/new/" + s;
  std::sort(shuffled.begin(), shuffled.end(), collate_less);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(shuffled[i], "/p/_templates/g/new/" + expected[i]);
  }
}

TEST(CollationTest, PrimaryBeforeTertiary) {
  EXPECT_LT(collate_compare("a.t", "A.t"), 0);
  EXPECT_LT(collate_compare("Aa.t", "ab.t"), 0);
  EXPECT_LT(collate_compare("ab", "abc"), 0);
  EXPECT_EQ(collate_compare("same", "same"), 0);
}

}  // namespace
}  // namespace hypergen::resolve
