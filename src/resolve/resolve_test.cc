#include "resolve/resolve.h"

#include <gtest/gtest.h>

#include "util/fs_memory.h"

namespace hypergen::resolve {
namespace {

class ResolveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs_.add_file("/p/_templates/gen/new/a.liquid.t", "x");
    fs_.add_file("/p/_templates/gen/new/sub/b.liquid.t", "x");
    fs_.add_file("/p/_templates/def/_default/a.liquid.t", "x");
    fs_.add_file("/p/_templates/def/other/a.liquid.t", "x");
    cfg_.project_root = "/p";
    cfg_.templates = {{"/p/_templates", "./_templates"}};
  }
  Result<Resolution> run(std::vector<liquid::Value> words) {
    return resolve_action(fs_, cfg_, words);
  }
  MemoryFileSystem fs_;
  config::Config cfg_;
};

TEST_F(ResolveTest, GeneratorActionName) {
  auto r = run({"gen", "new", "Foo"});
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->action_dir, "/p/_templates/gen/new");
  EXPECT_EQ(r->name_positional->as_string(), "Foo");
}

TEST_F(ResolveTest, DefaultRule) {
  auto r = run({"def", "Foo"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->action, "_default");
  EXPECT_EQ(r->name_positional->as_string(), "Foo");
  auto real = run({"def", "other"});
  ASSERT_TRUE(real);
  EXPECT_EQ(real->action, "other");
  auto captured = run({"def", "new:x"});  // _default captures sub-action forms
  ASSERT_TRUE(captured);
  EXPECT_EQ(captured->action, "_default");
  auto bare = run({"def"});
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->action, "_default");
}

TEST_F(ResolveTest, SubAction) {
  auto r = run({"gen", "new:sub"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->main_action, "new");
  EXPECT_EQ(*r->subaction, "sub");
  auto files = discover::list_templates(fs_, r->action_dir);
  ASSERT_TRUE(files);
  auto kept = order_templates(*files, r->subaction);
  ASSERT_TRUE(kept);
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_EQ((*kept)[0].rel, "/sub/b.liquid.t");
  EXPECT_FALSE(order_templates(*files, std::string("(")));
}

TEST_F(ResolveTest, MissesSuggest) {
  auto gen = run({"gne", "new"});
  ASSERT_FALSE(gen);
  EXPECT_EQ(gen.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(gen.error().message.find("did you mean 'gen'"), std::string::npos);
  auto act = run({"gen", "nwe"});
  ASSERT_FALSE(act);
  EXPECT_NE(act.error().message.find("did you mean 'new'"), std::string::npos);
  auto none = run({});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::kUsage);
  auto number = run({"gen", liquid::Value(std::int64_t{2})});
  ASSERT_FALSE(number);
}

TEST_F(ResolveTest, ConflictStrategies) {
  fs_.add_file("/p/more/gen/new/a.liquid.t", "y");
  cfg_.templates.push_back({"/p/more", "hypergen.yml:2"});
  auto fail = run({"gen", "new"});
  ASSERT_FALSE(fail);
  EXPECT_EQ(fail.error().kind, ErrorKind::kConflict);
  cfg_.conflict = config::ConflictStrategy::kOverride;
  auto over = run({"gen", "new"});
  ASSERT_TRUE(over);
  EXPECT_EQ(over->templates_root, "/p/more");
  cfg_.conflict = config::ConflictStrategy::kSkip;
  auto skip = run({"gen", "new"});
  ASSERT_TRUE(skip);
  EXPECT_EQ(skip->templates_root, "/p/_templates");
}

config::TemplateRoot package_root(std::string path, std::string name) {
  config::TemplateRoot r(std::move(path), "package " + name);
  r.package = std::move(name);
  r.trusted = false;
  return r;
}

TEST_F(ResolveTest, ProjectRootsShadowPackageRootsWhateverTheStrategy) {
  fs_.add_file("/p/node_modules/kit/_templates/gen/new/a.liquid.t", "pkg");
  fs_.add_file("/p/node_modules/kit/_templates/gen/extra/a.liquid.t", "pkg");
  cfg_.templates.push_back(package_root("/p/node_modules/kit/_templates", "kit"));
  for (auto strategy : {config::ConflictStrategy::kFail, config::ConflictStrategy::kOverride,
                        config::ConflictStrategy::kSkip}) {
    cfg_.conflict = strategy;
    auto r = run({"gen", "new"});
    ASSERT_TRUE(r) << r.error().describe();
    EXPECT_EQ(r->templates_root, "/p/_templates");
    ASSERT_EQ(r->shadowed.size(), 1u);
    EXPECT_EQ(r->shadowed[0], "/p/node_modules/kit/_templates");
  }
  // What only the package defines comes from it.
  auto extra = run({"gen", "extra"});
  ASSERT_TRUE(extra);
  EXPECT_EQ(extra->templates_root, "/p/node_modules/kit/_templates");
}

TEST_F(ResolveTest, TwoPackagesFollowTheStrategy) {
  fs_.add_file("/p/node_modules/a/_templates/pk/new/a.liquid.t", "a");
  fs_.add_file("/p/node_modules/b/_templates/pk/new/a.liquid.t", "b");
  cfg_.templates.push_back(package_root("/p/node_modules/a/_templates", "a"));
  cfg_.templates.push_back(package_root("/p/node_modules/b/_templates", "b"));
  auto fail = run({"pk", "new"});
  ASSERT_FALSE(fail);
  EXPECT_EQ(fail.error().kind, ErrorKind::kConflict);
  EXPECT_NE(fail.error().message.find("package a"), std::string::npos);
  cfg_.conflict = config::ConflictStrategy::kOverride;
  auto over = run({"pk", "new"});
  ASSERT_TRUE(over);
  EXPECT_EQ(over->templates_root, "/p/node_modules/b/_templates");
}

TEST(DiscoverTest, HookAndJunkSuffixes) {
  EXPECT_TRUE(discover::is_excluded_name("/a/prompt.js"));
  EXPECT_TRUE(discover::is_excluded_name("/a/my-index.js"));
  EXPECT_TRUE(discover::is_excluded_name("/a/xThumbs.db"));
  EXPECT_FALSE(discover::is_excluded_name("/a/index.jsx"));
  EXPECT_FALSE(discover::is_excluded_name("/a/prompt.cjs"));
}

TEST(DiscoverTest, IgnoreFilesInMemory) {
  MemoryFileSystem fs;
  fs.add_file("/t/a.liquid.t", "x");
  fs.add_file("/t/.hypergenignore", "*.draft\n");
  fs.add_file("/t/b.draft", "x");
  fs.add_file("/t/sub/.hygenignore", "c.t\n");
  fs.add_file("/t/sub/c.t", "x");
  fs.add_file("/t/sub/d.t", "x");
  fs.add_file("/t/sub/index.js", "x");
  auto files = discover::list_templates(fs, "/t");
  ASSERT_TRUE(files);
  auto ordered = order_templates(*files, std::nullopt);
  ASSERT_TRUE(ordered);
  ASSERT_EQ(ordered->size(), 2u);
  EXPECT_EQ((*ordered)[0].rel, "/a.liquid.t");
  EXPECT_EQ((*ordered)[1].rel, "/sub/d.t");
}

}  // namespace
}  // namespace hypergen::resolve
