#include "perf/workspace_builder.h"

#include <gtest/gtest.h>

#include "util/fs_memory.h"

namespace hypergen::perf {
namespace {

TEST(PerfWorkspace, ScalesAreTheDocumentedOnes) {
  const auto& s = standard_scales();
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].name, "small");
  EXPECT_EQ(s[0].generators, 10);
  EXPECT_EQ(s[4].templates, 25000);
  auto parsed = parse_scales("large, small");
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[0].generators, 500);
  EXPECT_EQ((*parsed)[1].name, "small");
  auto bad = parse_scales("small,huge");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kUsage);
  EXPECT_NE(bad.error().message.find("'huge'"), std::string::npos);
  EXPECT_FALSE(parse_scales(""));
}

TEST(PerfWorkspace, BuildsTheShapeDeterministically) {
  MemoryFileSystem a, b;
  ASSERT_TRUE(a.make_dirs("/w"));
  ASSERT_TRUE(b.make_dirs("/w"));
  auto built = build_workspace(a, "/w", 3, 10);
  ASSERT_TRUE(built);
  EXPECT_EQ(built->files, 10u + 5u + 500u);
  ASSERT_TRUE(build_workspace(b, "/w", 3, 10));
  // 10 over 3 generators: 4, 3, 3.
  auto g0 = a.list_dir("/w/_templates/gen0000/new");
  auto g2 = a.list_dir("/w/_templates/gen0002/new");
  ASSERT_TRUE(g0 && g2);
  EXPECT_EQ(g0->size(), 4u);
  EXPECT_EQ(g2->size(), 3u);
  auto five = a.read_file("/w/_templates/gen0000/five/t0003.liquid.t");
  auto five_b = b.read_file("/w/_templates/gen0000/five/t0003.liquid.t");
  ASSERT_TRUE(five && five_b);
  EXPECT_EQ(*five, *five_b);
  EXPECT_EQ(
      *five,
      "---\nto: src/{{ name }}/f3.stories.jsx\n---\nexport default { title: '{{ Name }} 3' };\n");
  auto big = a.list_dir("/w/_templates/big/new");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->size(), 500u);
}

TEST(PerfWorkspace, RemoveTree) {
  MemoryFileSystem fs;
  ASSERT_TRUE(fs.make_dirs("/w"));
  ASSERT_TRUE(build_workspace(fs, "/w", 2, 4));
  ASSERT_TRUE(remove_tree(fs, "/w"));
  auto st = fs.stat("/w");
  ASSERT_TRUE(st);
  EXPECT_FALSE(st->exists());
  EXPECT_TRUE(remove_tree(fs, "/missing"));
}

}  // namespace
}  // namespace hypergen::perf
