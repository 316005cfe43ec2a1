#include "util/fs_memory.h"

#include <gtest/gtest.h>

namespace hypergen {
namespace {

TEST(MemoryFileSystem, FilesDirectoriesAndListing) {
  MemoryFileSystem fs;
  ASSERT_TRUE(fs.make_dirs("/a/b"));
  ASSERT_TRUE(fs.write_file("/a/b/f.txt", "hello", true));
  EXPECT_EQ(*fs.read_file("/a/b/f.txt"), "hello");
  EXPECT_TRUE(fs.stat("/a/b")->is_directory());
  EXPECT_EQ(fs.stat("/a/b/f.txt")->size, 5u);
  EXPECT_FALSE(fs.stat("/a/missing")->exists());
  EXPECT_FALSE(fs.stat("/a/b/f.txt/below")->exists());  // ENOTDIR is "missing", as on POSIX
  auto entries = fs.list_dir("/a");
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].name, "b");
  EXPECT_EQ(fs.read_file("/a/none").error().kind, ErrorKind::kNotFound);
  EXPECT_FALSE(fs.write_file("/nodir/x", "x", false));
  EXPECT_FALSE(fs.make_dirs("/a/b/f.txt/sub"));
}

TEST(MemoryFileSystem, RelativePathsUseTheCurrentDirectory) {
  MemoryFileSystem fs;
  fs.add_dir("/w");
  fs.set_current_dir("/w");
  ASSERT_TRUE(fs.write_file("rel.txt", "r", false));
  EXPECT_EQ(*fs.read_file("/w/rel.txt"), "r");
  EXPECT_EQ(*fs.current_dir(), "/w");
}

TEST(MemoryFileSystem, SymlinksFollowedByStatNotByLstat) {
  MemoryFileSystem fs;
  fs.add_file("/t/real.txt", "data");
  fs.add_symlink("/l/link.txt", "../t/real.txt");
  fs.add_symlink("/l/dirlink", "/t");
  EXPECT_EQ(fs.lstat("/l/link.txt")->type, FileStat::Type::kSymlink);
  EXPECT_TRUE(fs.stat("/l/link.txt")->is_file());
  EXPECT_EQ(*fs.read_file("/l/link.txt"), "data");
  EXPECT_EQ(*fs.read_file("/l/dirlink/real.txt"), "data");
  EXPECT_EQ(*fs.read_link("/l/link.txt"), "../t/real.txt");
  EXPECT_FALSE(fs.read_link("/t/real.txt"));
  // Writing through a symlink writes the target.
  ASSERT_TRUE(fs.write_file("/l/link.txt", "new", false));
  EXPECT_EQ(*fs.read_file("/t/real.txt"), "new");
  fs.add_symlink("/loop", "/loop");
  EXPECT_FALSE(fs.read_file("/loop"));
}

TEST(MemoryFileSystem, RenameReplacesAndMovesSubtrees) {
  MemoryFileSystem fs;
  fs.add_file("/a.txt", "A", 0600);
  fs.add_file("/b.txt", "B");
  ASSERT_TRUE(fs.rename("/a.txt", "/b.txt"));
  EXPECT_EQ(*fs.read_file("/b.txt"), "A");
  EXPECT_EQ(fs.stat("/b.txt")->mode, 0600u);
  EXPECT_FALSE(fs.stat("/a.txt")->exists());
  fs.add_file("/d/x/y.txt", "Y");
  ASSERT_TRUE(fs.rename("/d", "/e"));
  EXPECT_EQ(*fs.read_file("/e/x/y.txt"), "Y");
  EXPECT_FALSE(fs.stat("/d")->exists());
  EXPECT_EQ(fs.rename("/none", "/z").error().kind, ErrorKind::kNotFound);
  fs.add_dir("/full/sub");
  EXPECT_FALSE(fs.rename("/b.txt", "/full"));  // file over directory
}

TEST(MemoryFileSystem, RemoveRefusesNonEmptyDirectories) {
  MemoryFileSystem fs;
  fs.add_file("/d/f", "x");
  EXPECT_EQ(fs.remove("/d").error().kind, ErrorKind::kIo);
  ASSERT_TRUE(fs.remove("/d/f"));
  ASSERT_TRUE(fs.remove("/d"));
  EXPECT_EQ(fs.remove("/d").error().kind, ErrorKind::kNotFound);
  fs.add_file("/t", "x");
  fs.add_symlink("/s", "/t");
  ASSERT_TRUE(fs.remove("/s"));  // removes the link, not the target
  EXPECT_TRUE(fs.stat("/t")->exists());
}

TEST(MemoryFileSystem, PermissionsAndMtimes) {
  MemoryFileSystem fs;
  fs.add_file("/f", "x");
  auto first = fs.stat("/f")->mtime_ns;
  ASSERT_TRUE(fs.set_permissions("/f", 0700));
  EXPECT_EQ(fs.stat("/f")->mode, 0700u);
  ASSERT_TRUE(fs.write_file("/f", "y", false));
  EXPECT_GT(fs.stat("/f")->mtime_ns, first);
  EXPECT_EQ(fs.stat("/f")->mode, 0700u);  // rewriting keeps the mode
}

TEST(MemoryFileSystem, LocksAreExclusiveUntilReleased) {
  MemoryFileSystem fs;
  fs.add_dir("/p");
  auto first = fs.lock_file("/p/lock", std::chrono::milliseconds(0));
  ASSERT_TRUE(first);
  auto second = fs.lock_file("/p/lock", std::chrono::milliseconds(0));
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, ErrorKind::kConflict);
  first->reset();
  EXPECT_TRUE(fs.lock_file("/p/lock", std::chrono::milliseconds(0)));
}

}  // namespace
}  // namespace hypergen
