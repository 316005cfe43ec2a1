#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "util/fs.h"

namespace hypergen {
namespace {

class PosixFs : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "hg-fs-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::unique_ptr<FileSystem> fs = make_real_file_system();
  std::string dir;
};

TEST_F(PosixFs, WriteReadStatRenameRemove) {
  ASSERT_TRUE(fs->make_dirs(dir + "/a/b"));
  ASSERT_TRUE(fs->make_dirs(dir + "/a/b"));  // existing is fine
  std::string f = dir + "/a/b/f.txt";
  ASSERT_TRUE(fs->write_file(f, "hello\n", true));
  EXPECT_EQ(*fs->read_file(f), "hello\n");
  auto st = fs->stat(f);
  ASSERT_TRUE(st);
  EXPECT_TRUE(st->is_file());
  EXPECT_EQ(st->size, 6u);
  EXPECT_GT(st->mtime_ns, 0);
  ASSERT_TRUE(fs->set_permissions(f, 0640));
  EXPECT_EQ(fs->stat(f)->mode, 0640u);
  ASSERT_TRUE(fs->rename(f, dir + "/a/g.txt"));
  EXPECT_FALSE(fs->stat(f)->exists());
  EXPECT_EQ(fs->stat(dir + "/a/g.txt")->mode, 0640u);
  ASSERT_TRUE(fs->sync_dir(dir + "/a"));
  auto entries = fs->list_dir(dir + "/a");
  ASSERT_TRUE(entries);
  std::vector<std::string> names;
  for (auto& e : *entries) names.push_back(e.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"b", "g.txt"}));
  EXPECT_FALSE(fs->remove(dir + "/a"));  // not empty
  ASSERT_TRUE(fs->remove(dir + "/a/g.txt"));
  ASSERT_TRUE(fs->remove(dir + "/a/b"));
  EXPECT_EQ(fs->remove(dir + "/a/b").error().kind, ErrorKind::kNotFound);
}

TEST_F(PosixFs, StatInAnOpenedDirectoryAgreesWithStat) {
  ASSERT_TRUE(fs->make_dirs(dir + "/root/g/new"));
  ASSERT_TRUE(fs->write_file(dir + "/root/g/new/t.txt", "abc", false));
  auto opened = fs->open_dir(dir + "/root");
  ASSERT_TRUE(opened);
  EXPECT_EQ((*opened)->path(), dir + "/root");
  for (const char* rel : {"g", "g/new", "g/new/t.txt", "g/missing", "g/new/t.txt/below"}) {
    auto in = fs->stat_in(**opened, rel);
    auto direct = fs->stat(dir + "/root/" + rel);
    ASSERT_TRUE(in) << rel;
    ASSERT_TRUE(direct) << rel;
    EXPECT_EQ(in->type, direct->type) << rel;
    EXPECT_EQ(in->mtime_ns, direct->mtime_ns) << rel;
    EXPECT_EQ(in->size, direct->size) << rel;
    EXPECT_EQ(in->inode, direct->inode) << rel;
  }
  // A handle of the default kind (any other file system) works too.
  DirHandle plain(dir + "/root");
  EXPECT_EQ(fs->stat_in(plain, "g/new/t.txt")->size, 3u);
  auto missing = fs->open_dir(dir + "/nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(missing.error().message.find(dir + "/nope"), std::string::npos);
}

TEST_F(PosixFs, ReadFileWhoseStatSizeIsWrong) {
  std::string big(300'000, 'x');
  ASSERT_TRUE(fs->write_file(dir + "/big", big, false));
  EXPECT_EQ(*fs->read_file(dir + "/big"), big);
  ASSERT_TRUE(fs->write_file(dir + "/empty", "", false));
  EXPECT_EQ(*fs->read_file(dir + "/empty"), "");
  // /proc files report size 0 and have content: the buffer must grow.
  auto status = fs->read_file("/proc/self/status");
  ASSERT_TRUE(status);
  EXPECT_NE(status->find("Name:"), std::string::npos);
}

TEST_F(PosixFs, ErrorsNameThePathAndTheReason) {
  auto r = fs->read_file(dir + "/missing.txt");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(r.error().message.find(dir + "/missing.txt"), std::string::npos);
  EXPECT_NE(r.error().message.find("No such file or directory"), std::string::npos);
  EXPECT_FALSE(fs->stat(dir + "/missing.txt")->exists());
  EXPECT_FALSE(fs->read_file(dir));  // a directory
  ASSERT_TRUE(fs->write_file(dir + "/file", "", false));
  auto mk = fs->make_dirs(dir + "/file/sub");
  ASSERT_FALSE(mk);
  EXPECT_NE(mk.error().message.find(dir + "/file"), std::string::npos);
}

TEST_F(PosixFs, Symlinks) {
  ASSERT_TRUE(fs->write_file(dir + "/t", "x", false));
  ASSERT_EQ(::symlink("t", (dir + "/l").c_str()), 0);
  EXPECT_EQ(fs->lstat(dir + "/l")->type, FileStat::Type::kSymlink);
  EXPECT_TRUE(fs->stat(dir + "/l")->is_file());
  EXPECT_EQ(*fs->read_link(dir + "/l"), "t");
  ASSERT_TRUE(fs->remove(dir + "/l"));
  EXPECT_TRUE(fs->stat(dir + "/t")->exists());
}

TEST_F(PosixFs, LockIsExclusiveAndTimesOut) {
  std::string path = dir + "/lock";
  auto first = fs->lock_file(path, std::chrono::milliseconds(0));
  ASSERT_TRUE(first) << first.error().message;
  auto second = fs->lock_file(path, std::chrono::milliseconds(20));
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, ErrorKind::kConflict);
  EXPECT_NE(second.error().message.find("another hypergen process"), std::string::npos);
  first->reset();
  EXPECT_TRUE(fs->lock_file(path, std::chrono::milliseconds(0)));
}

TEST_F(PosixFs, CurrentDir) {
  auto cwd = fs->current_dir();
  ASSERT_TRUE(cwd);
  EXPECT_EQ((*cwd)[0], '/');
}

}  // namespace
}  // namespace hypergen
