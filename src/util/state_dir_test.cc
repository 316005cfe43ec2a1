#include "util/state_dir.h"

#include <gtest/gtest.h>

#include "util/fs_memory.h"

namespace hypergen {
namespace {

TEST(StateDir, PathJoinsTheProjectRoot) {
  EXPECT_EQ(state_dir("/p"), "/p/.hypergen");
  EXPECT_EQ(state_dir("/p/"), "/p/.hypergen");
  EXPECT_EQ(state_dir("/"), "/.hypergen");
}

TEST(StateDir, CreatingItWritesAGitignore) {
  MemoryFileSystem fs;
  fs.add_dir("/p");
  auto dir = make_state_dir(fs, "/p", "cache");
  ASSERT_TRUE(dir) << dir.error().message;
  EXPECT_EQ(*dir, "/p/.hypergen/cache");
  auto st = fs.stat("/p/.hypergen/cache");
  ASSERT_TRUE(st);
  EXPECT_TRUE(st->is_directory());
  auto ignore = fs.read_file("/p/.hypergen/.gitignore");
  ASSERT_TRUE(ignore);
  EXPECT_EQ(*ignore, "*\n");
}

TEST(StateDir, AnExistingFolderIsLeftAlone) {
  MemoryFileSystem fs;
  fs.add_dir("/p/.hypergen");
  ASSERT_TRUE(make_state_dir(fs, "/p", "journal"));
  auto ignore = fs.stat("/p/.hypergen/.gitignore");
  ASSERT_TRUE(ignore);
  EXPECT_FALSE(ignore->exists());
  // A second call after we created it keeps the user's edits.
  MemoryFileSystem fs2;
  fs2.add_dir("/q");
  ASSERT_TRUE(make_state_dir(fs2, "/q", "cache"));
  ASSERT_TRUE(fs2.write_file("/q/.hypergen/.gitignore", "journal\n", false));
  ASSERT_TRUE(make_state_dir(fs2, "/q", "journal"));
  EXPECT_EQ(*fs2.read_file("/q/.hypergen/.gitignore"), "journal\n");
}

}  // namespace
}  // namespace hypergen
