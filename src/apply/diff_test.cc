#include "apply/diff.h"

#include <gtest/gtest.h>

namespace hypergen::apply {
namespace {

// Goldens checked against `git diff --no-index` (minus git's function-name
// context after the second "@@").

TEST(UnifiedDiff, IdenticalContentsGiveNothing) {
  EXPECT_EQ(unified_diff("a.txt", "x\n", "x\n", false, false), "");
}

TEST(UnifiedDiff, TwoHunksWithContextAndMissingFinalNewline) {
  std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";
  std::string after = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn";
  EXPECT_EQ(unified_diff("src/x.txt", before, after, false),
            "--- a/src/x.txt\n"
            "+++ b/src/x.txt\n"
            "@@ -1,5 +1,5 @@\n"
            " a\n"
            "-b\n"
            "+B\n"
            " c\n"
            " d\n"
            " e\n"
            "@@ -11,3 +11,4 @@\n"
            " k\n"
            " l\n"
            " m\n"
            "+n\n"
            "\\ No newline at end of file\n");
}

TEST(UnifiedDiff, ChangesSixLinesApartShareOneHunk) {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n";
  std::string after = "X\n2\n3\n4\n5\n6\n7\nY\n";
  EXPECT_EQ(unified_diff("f", before, after, false),
            "--- a/f\n+++ b/f\n@@ -1,8 +1,8 @@\n-1\n+X\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+Y\n");
}

TEST(UnifiedDiff, LosingTheFinalNewline) {
  EXPECT_EQ(unified_diff("f", "x\ny\n", "x\ny", false),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n x\n-y\n+y\n\\ No newline at end of file\n");
}

TEST(UnifiedDiff, SingleLineRangesOmitTheCount) {
  EXPECT_EQ(unified_diff("f", "one\n", "one\ntwo\n", false),
            "--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n one\n+two\n");
}

TEST(UnifiedDiff, CreatedFileDiffsAgainstDevNull) {
  EXPECT_EQ(unified_diff("new.ts", "", "a\nb\n", false),
            "--- /dev/null\n+++ b/new.ts\n@@ -0,0 +1,2 @@\n+a\n+b\n");
}

TEST(UnifiedDiff, ExistingEmptyFileWithExplicitFlag) {
  EXPECT_EQ(unified_diff("e", "", "a\n", false, false), "--- a/e\n+++ b/e\n@@ -0,0 +1 @@\n+a\n");
}

TEST(UnifiedDiff, EmptiedFile) {
  EXPECT_EQ(unified_diff("e", "a\nb\n", "", false, false),
            "--- a/e\n+++ b/e\n@@ -1,2 +0,0 @@\n-a\n-b\n");
}

TEST(UnifiedDiff, RemovalsBeforeAdditionsInABlock) {
  EXPECT_EQ(unified_diff("f", "a\nb\nc\n", "x\ny\nc\n", false),
            "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n-a\n-b\n+x\n+y\n c\n");
}

TEST(UnifiedDiff, CrlfChangeIsVisible) {
  EXPECT_EQ(unified_diff("f", "a\r\n", "a\n", false), "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\r\n+a\n");
}

TEST(UnifiedDiff, Colour) {
  EXPECT_EQ(unified_diff("f", "a\n", "b\n", true),
            "\x1b[1m--- a/f\x1b[m\n\x1b[1m+++ b/f\x1b[m\n\x1b[36m@@ -1 +1 @@\x1b[m\n"
            "\x1b[31m-a\x1b[m\n\x1b[32m+b\x1b[m\n");
}

TEST(UnifiedDiff, InjectionInALargeFileShowsOnlyTheHunk) {
  std::string before, after;
  for (int i = 0; i < 1000; ++i) {
    before += "line " + std::to_string(i) + "\n";
    after += "line " + std::to_string(i) + "\n";
    if (i == 499) after += "injected\n";
  }
  EXPECT_EQ(unified_diff("big", before, after, false),
            "--- a/big\n+++ b/big\n@@ -498,6 +498,7 @@\n line 497\n line 498\n line 499\n"
            "+injected\n line 500\n line 501\n line 502\n");
}

}  // namespace
}  // namespace hypergen::apply
