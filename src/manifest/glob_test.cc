#include "manifest/glob.h"

#include <gtest/gtest.h>

namespace hypergen::manifest {
namespace {

TEST(Glob, Wildcards) {
  EXPECT_TRUE(glob_match("**", "a/b/c.txt"));
  EXPECT_TRUE(glob_match("src/*.ts", "src/a.ts"));
  EXPECT_FALSE(glob_match("src/*.ts", "src/deep/a.ts"));
  EXPECT_TRUE(glob_match("src/**/*.ts", "src/a.ts"));
  EXPECT_TRUE(glob_match("src/**/*.ts", "src/deep/er/a.ts"));
  EXPECT_FALSE(glob_match("src/**/*.ts", "lib/a.ts"));
  EXPECT_TRUE(glob_match("**/index.ts", "index.ts"));
  EXPECT_TRUE(glob_match("?.txt", "a.txt"));
  EXPECT_FALSE(glob_match("?.txt", "ab.txt"));
  EXPECT_TRUE(glob_match("{{ name }}.ts", "{{ name }}.ts"));
}

TEST(Glob, PlainNamesMatchFilesAndFolders) {
  EXPECT_TRUE(glob_match("notes", "notes/a.md"));
  EXPECT_TRUE(glob_match("notes/", "notes/sub/a.md"));
  EXPECT_TRUE(glob_match("a.txt", "a.txt"));
  EXPECT_FALSE(glob_match("note", "notes/a.md"));
}

}  // namespace
}  // namespace hypergen::manifest
