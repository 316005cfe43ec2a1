#include "apply/paths.h"

#include <gtest/gtest.h>

#include "util/fs_memory.h"

namespace hypergen::apply {
namespace {

class Paths : public ::testing::Test {
 protected:
  Paths() {
    fs.add_dir("/proj/src/components");
    fs.add_dir("/outside/dir");
    fs.add_file("/proj/src/index.ts", "x");
  }
  Result<std::string> resolve(std::string_view to, bool allow_outside = false,
                              const std::string& cwd = "/proj") {
    return resolve_output_path(fs, "/proj", cwd, to, allow_outside);
  }
  MemoryFileSystem fs;
};

TEST_F(Paths, NormalisesRelativeAndAbsolutePaths) {
  EXPECT_EQ(*resolve("src/a.ts"), "/proj/src/a.ts");
  EXPECT_EQ(*resolve("./src//b/./c.ts"), "/proj/src/b/c.ts");
  EXPECT_EQ(*resolve("src/../lib/d.ts"), "/proj/lib/d.ts");
  EXPECT_EQ(*resolve("/proj/e.ts"), "/proj/e.ts");
  EXPECT_EQ(*resolve("../f.ts", false, "/proj/src"), "/proj/f.ts");
  EXPECT_EQ(*resolve("new/deep/../g.ts"), "/proj/new/g.ts");
}

TEST_F(Paths, RefusesDotDotOutOfTheRoot) {
  auto r = resolve("../etc/passwd");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
  EXPECT_NE(r.error().message.find("'..' leads out of the project"), std::string::npos);
  EXPECT_NE(r.error().message.find("--allow-outside"), std::string::npos);
  EXPECT_FALSE(resolve("src/../../x"));
  EXPECT_FALSE(resolve("a/b/../../../x"));
  // A sibling whose name starts with the root's name is outside too.
  EXPECT_FALSE(resolve("../proj2/x"));
}

TEST_F(Paths, RefusesAbsolutePathsOutside) {
  auto r = resolve("/etc/passwd");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
  EXPECT_NE(r.error().message.find("absolute path"), std::string::npos);
}

TEST_F(Paths, AllowOutsideResolvesAnyway) {
  EXPECT_EQ(*resolve("../outside/x", true), "/outside/x");
  EXPECT_EQ(*resolve("/etc/passwd", true), "/etc/passwd");
}

TEST_F(Paths, RefusesSymlinkEscapesAtEveryLevel) {
  fs.add_symlink("/proj/link-top", "/outside");                   // first level
  fs.add_symlink("/proj/src/components/up", "../../../outside");  // deep, relative
  fs.add_symlink("/proj/src/file-link.ts", "/outside/dir/f.ts");  // the file itself
  fs.add_symlink("/proj/dangling", "/outside/missing/new.ts");    // dangling, final
  fs.add_symlink("/proj/chain1", "chain2");                       // via a chain
  fs.add_symlink("/proj/chain2", "/outside/dir");
  for (const char* to : {"link-top/x.ts", "src/components/up/x.ts", "src/file-link.ts", "dangling",
                         "chain1/x.ts", "link-top/dir/../x"}) {
    auto r = resolve(to);
    ASSERT_FALSE(r) << to << " → " << *r;
    EXPECT_EQ(r.error().kind, ErrorKind::kConflict) << to;
    EXPECT_NE(r.error().message.find("symbolic link"), std::string::npos) << r.error().message;
  }
}

TEST_F(Paths, FollowsSymlinksThatStayInside) {
  fs.add_symlink("/proj/alias", "src/components");
  fs.add_symlink("/proj/src/idx.ts", "index.ts");
  EXPECT_EQ(*resolve("alias/Button.tsx"), "/proj/src/components/Button.tsx");
  EXPECT_EQ(*resolve("src/idx.ts"), "/proj/src/index.ts");
  // ".." after a symlink is physical, as the kernel does it.
  fs.add_symlink("/proj/src/deep", "components");
  EXPECT_EQ(*resolve("src/deep/../x.ts"), "/proj/src/x.ts");
}

TEST_F(Paths, RootBehindASymlinkIsResolvedToo) {
  fs.add_symlink("/link-to-proj", "/proj");
  auto r = resolve_output_path(fs, "/link-to-proj", "/link-to-proj", "src/a.ts", false);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, "/proj/src/a.ts");
}

TEST_F(Paths, RefusesInvalidNames) {
  for (std::string_view to :
       {std::string_view(""), std::string_view("a\0b", 3), std::string_view("dir/"),
        std::string_view("a/.."), std::string_view(".")}) {
    auto r = resolve(to);
    ASSERT_FALSE(r) << to;
    EXPECT_EQ(r.error().kind, ErrorKind::kData) << to;
  }
  EXPECT_NE(resolve(std::string_view("a\0b", 3)).error().message.find("NUL"), std::string::npos);
  std::string long_name(256, 'n');
  EXPECT_EQ(resolve(long_name).error().kind, ErrorKind::kData);
  EXPECT_TRUE(resolve(std::string(255, 'n')));
  std::string long_path;
  for (int i = 0; i < 50; ++i) long_path += std::string(100, 'd') + "/";
  long_path += "f";
  EXPECT_EQ(resolve(long_path).error().kind, ErrorKind::kData);
}

TEST_F(Paths, SymlinkLoopIsAnError) {
  fs.add_symlink("/proj/loop1", "loop2");
  fs.add_symlink("/proj/loop2", "loop1");
  auto r = resolve("loop1/x");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kData);
}

// Counts lstat calls, to see the resolver's memo at work.
class CountingFs : public MemoryFileSystem {
 public:
  Result<FileStat> lstat(const std::string& path) override {
    ++lstats;
    return MemoryFileSystem::lstat(path);
  }
  int lstats = 0;
};

TEST(OutputPathResolver, SameAnswersAsOneByOneWithFewerLstats) {
  CountingFs fs;
  fs.add_dir("/proj/src/deep/er");
  fs.add_dir("/outside");
  fs.add_symlink("/proj/src/out", "/outside");
  fs.add_file("/proj/src/deep/er/f0.ts", "x");
  std::vector<std::string> tos = {"src/out/x.ts", "src/deep/../deep/er/f0.ts", "new/a.ts"};
  for (int i = 0; i < 50; ++i) tos.push_back("src/deep/er/f" + std::to_string(i) + ".ts");
  std::vector<Result<std::string>> one_by_one;
  for (const auto& to : tos)
    one_by_one.push_back(resolve_output_path(fs, "/proj", "/proj", to, false));
  int separate = fs.lstats;
  fs.lstats = 0;
  OutputPathResolver resolver(fs, "/proj", "/proj", false);
  for (std::size_t i = 0; i < tos.size(); ++i) {
    auto r = resolver.resolve(tos[i]);
    ASSERT_EQ(bool(r), bool(one_by_one[i])) << tos[i];
    if (r) {
      EXPECT_EQ(*r, *one_by_one[i]) << tos[i];
    } else {
      EXPECT_EQ(r.error().message, one_by_one[i].error().message);
    }
  }
  EXPECT_FALSE(resolver.resolve("src/out/y.ts"));  // a memoised symlink still escapes
  EXPECT_LT(fs.lstats * 3, separate) << "memoised: " << fs.lstats << ", separate: " << separate;
}

TEST(OutputPathResolver, TheFinalNameIsAlwaysLookedAtAfresh) {
  MemoryFileSystem fs;
  fs.add_dir("/proj/src");
  fs.add_dir("/outside");
  OutputPathResolver resolver(fs, "/proj", "/proj", false);
  ASSERT_TRUE(resolver.resolve("src/a.ts"));
  fs.add_symlink("/proj/src/a.ts", "/outside/a.ts");  // appears between two lookups
  auto r = resolver.resolve("src/a.ts");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
}

TEST(NormalizePath, Lexical) {
  EXPECT_EQ(normalize_path("/"), "/");
  EXPECT_EQ(normalize_path("/a//b/./c/"), "/a/b/c");
  EXPECT_EQ(normalize_path("/a/../../b"), "/b");
}

TEST_F(Paths, RemembersTargetsInMissingFolders) {
  OutputPathResolver paths(fs, "/proj", "/proj", false);
  auto fresh = paths.resolve("src/new/deeper/a.ts");
  ASSERT_TRUE(fresh);
  auto existing = paths.resolve("src/components/b.ts");
  ASSERT_TRUE(existing);
  EXPECT_TRUE(paths.in_missing_folder(*fresh));
  EXPECT_FALSE(paths.in_missing_folder(*existing));
  EXPECT_FALSE(paths.in_missing_folder("/proj/src/index.ts"));
  EXPECT_FALSE(paths.in_missing_folder("/elsewhere/x"));  // never resolved
}

}  // namespace
}  // namespace hypergen::apply
