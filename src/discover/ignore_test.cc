#include "discover/ignore.h"

#include <gtest/gtest.h>

namespace hypergen::discover {
namespace {

TEST(GlobTest, Basics) {
  EXPECT_TRUE(glob_match("*.t", "a.t"));
  EXPECT_FALSE(glob_match("*.t", "sub/a.t"));
  EXPECT_TRUE(glob_match("**/a.t", "a.t"));
  EXPECT_TRUE(glob_match("**/a.t", "x/y/a.t"));
  EXPECT_TRUE(glob_match("sub/**", "sub/x/y"));
  EXPECT_TRUE(glob_match("a?c", "abc"));
  EXPECT_TRUE(glob_match("[a-c]x", "bx"));
  EXPECT_FALSE(glob_match("[!a-c]x", "bx"));
}

TEST(IgnoreRulesTest, GitignoreSemantics) {
  IgnoreRules rules;
  rules.add_file("# comment\ndraft.*\nwip/\n/rooted.t\n!keep.draft.t\ndocs/*.md\n", "");
  EXPECT_TRUE(rules.ignored("draft.liquid.t", false));
  EXPECT_TRUE(rules.ignored("sub/draft.x", false));    // basename anywhere
  EXPECT_FALSE(rules.ignored("keep.draft.t", false));  // negated
  EXPECT_TRUE(rules.ignored("wip", true));
  EXPECT_FALSE(rules.ignored("wip", false));  // folders only
  EXPECT_TRUE(rules.ignored("rooted.t", false));
  EXPECT_FALSE(rules.ignored("sub/rooted.t", false));  // anchored
  EXPECT_TRUE(rules.ignored("docs/a.md", false));
  EXPECT_FALSE(rules.ignored("x/docs/a.md", false));
}

TEST(IgnoreRulesTest, NestedFilesApplyBelowTheirFolder) {
  IgnoreRules rules;
  rules.add_file("*.bak\n", "");
  rules.add_file("secret.t\n!x.bak\n", "sub");
  EXPECT_TRUE(rules.ignored("sub/secret.t", false));
  EXPECT_FALSE(rules.ignored("secret.t", false));
  EXPECT_FALSE(rules.ignored("sub/x.bak", false));  // deeper file wins
  EXPECT_TRUE(rules.ignored("x.bak", false));
}

}  // namespace
}  // namespace hypergen::discover
