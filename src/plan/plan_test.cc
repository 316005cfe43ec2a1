#include "plan/plan.h"

#include <map>

#include <gtest/gtest.h>

namespace hypergen::plan {
namespace {

class FakeEnv final : public PlanEnvironment {
 public:
  std::map<std::string, std::string> files;
  Result<std::optional<std::string>> read_target(const std::string& path) override {
    auto it = files.find(path);
    if (it == files.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }
  Result<std::string> resolve(std::string_view to) override {
    if (to.starts_with("..")) return make_error(ErrorKind::kConflict, "outside");
    return "/p/" + std::string(to);
  }
  Result<std::string> read_from(const std::string& from) override { return "raw:" + from; }
};

class Answer final : public OverwriteDecider {
 public:
  explicit Answer(bool yes) : yes_(yes) {}
  bool overwrite(const std::string&, const std::string&, const std::string&) override {
    ++asked;
    return yes_;
  }
  int asked = 0;

 private:
  bool yes_;
};

render::RenderedTemplate tpl(const std::string& yaml, std::string body) {
  render::RenderedTemplate t;
  t.display = "t.liquid.t";
  t.has_frontmatter = true;
  t.attributes = *frontmatter::parse_yaml(yaml, "t", 2);
  t.body = std::move(body);
  return t;
}

TEST(PlanTest, CreateThenInjectFoldsIntoOneChange) {
  FakeEnv env;
  Answer no(false);
  std::vector<render::RenderedTemplate> ts = {
      tpl("to: list.txt", "first\nlast\n"),
      tpl("to: list.txt\ninject: true\nafter: first\neof_last: false", "second\n"),
  };
  auto plan = make_plan(ts, env, no, {});
  ASSERT_TRUE(plan) << plan.error().describe();
  ASSERT_EQ(plan->ops.size(), 2u);
  EXPECT_EQ(plan->ops[0].kind, Op::Kind::kCreate);
  EXPECT_EQ(plan->ops[1].kind, Op::Kind::kInject);
  ASSERT_EQ(plan->changes.size(), 1u);
  EXPECT_EQ(plan->changes[0].kind, apply::FileChange::Kind::kCreate);
  EXPECT_EQ(plan->changes[0].content, "first\nsecond\nlast\n");
  EXPECT_FALSE(plan->changes[0].before.has_value());
}

TEST(PlanTest, ExistingFileAsksUnlessForcedOrUnlessExists) {
  FakeEnv env;
  env.files["/p/a.txt"] = "old\n";
  Answer no(false);
  auto declined = make_plan(std::vector{tpl("to: a.txt", "new\n")}, env, no, {});
  ASSERT_TRUE(declined);
  EXPECT_EQ(no.asked, 1);
  EXPECT_EQ(declined->ops[0].reason, SkipReason::kDeclined);
  EXPECT_TRUE(declined->changes.empty());

  auto unless = make_plan(std::vector{tpl("to: a.txt\nunless_exists: true", "new\n")}, env, no, {});
  ASSERT_TRUE(unless);
  EXPECT_EQ(no.asked, 1);
  EXPECT_EQ(unless->ops[0].reason, SkipReason::kUnlessExists);

  auto forced = make_plan(std::vector{tpl("to: a.txt\nforce: true\nunless_exists: true", "new\n")},
                          env, no, {});
  ASSERT_TRUE(forced);
  EXPECT_EQ(forced->ops[0].kind, Op::Kind::kOverwrite);
  EXPECT_TRUE(forced->ops[0].forced);
  ASSERT_EQ(forced->changes.size(), 1u);
  EXPECT_EQ(*forced->changes[0].before, "old\n");

  PlanOptions all;
  all.force_all = true;
  auto env_forced = make_plan(std::vector{tpl("to: a.txt", "new\n")}, env, no, all);
  ASSERT_TRUE(env_forced);
  EXPECT_EQ(env_forced->ops[0].kind, Op::Kind::kOverwrite);
  EXPECT_EQ(no.asked, 1);
}

TEST(PlanTest, SkipIfAndEmptyTo) {
  FakeEnv env;
  Answer no(false);
  auto p = make_plan(
      std::vector{tpl("to: a.txt\nskip_if: 'true'", "x"), tpl("to: b.txt\nskip_if: true", "y"),
                  tpl("to: ''", "z"), tpl("to: null\nsh: echo hi", "")},
      env, no, {});
  ASSERT_TRUE(p) << p.error().describe();
  EXPECT_EQ(p->ops[0].reason, SkipReason::kSkipIf);
  EXPECT_EQ(p->ops[1].kind, Op::Kind::kCreate);  // the boolean true does not skip
  EXPECT_EQ(p->ops[2].reason, SkipReason::kNoTo);
  EXPECT_EQ(p->ops.back().kind, Op::Kind::kShell);
  EXPECT_EQ(p->changes.size(), 1u);
}

TEST(PlanTest, ShellKeepsTheTextAsWrittenAndRunsItMangled) {
  FakeEnv env;
  Answer no(false);
  auto p = make_plan(std::vector{tpl("sh: \"printf '%s|' \\\"a    b\\\" one\\\\ two\"", "")}, env,
                     no, {});
  ASSERT_TRUE(p) << p.error().describe();
  ASSERT_EQ(p->ops.back().kind, Op::Kind::kShell);
  EXPECT_EQ(p->ops.back().sh, "printf '%s|' \"a    b\" one\\ two");  // printed (as Hygen)
  EXPECT_EQ(p->ops.back().command, "printf '%s|' \"a b\" one two");  // run
}

TEST(PlanTest, FromReplacesTheBody) {
  FakeEnv env;
  Answer no(false);
  auto p = make_plan(std::vector{tpl("to: a.txt\nfrom: x/raw.txt", "body")}, env, no, {});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->changes[0].content, "raw:x/raw.txt");
}

TEST(PlanTest, Errors) {
  FakeEnv env;
  Answer no(false);
  auto missing = make_plan(std::vector{tpl("inject: true\nafter: x", "b")}, env, no, {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kTemplate);
  EXPECT_EQ(missing.error().where.line, 2);
  auto number = make_plan(std::vector{tpl("to: 5", "b")}, env, no, {});
  ASSERT_FALSE(number);
  auto escape = make_plan(std::vector{tpl("to: ../x", "b")}, env, no, {});
  ASSERT_FALSE(escape);
  EXPECT_EQ(escape.error().kind, ErrorKind::kConflict);
}

TEST(PlanTest, ShellCommandMangling) {
  EXPECT_EQ(mangle_shell_command("  echo \"a    b\"  "), "echo \"a b\"");
  EXPECT_EQ(mangle_shell_command("printf '%s|' one\\ two three"), "printf '%s|' one two three");
  EXPECT_EQ(mangle_shell_command("a\nb  c"), "a\nb c");
}

}  // namespace
}  // namespace hypergen::plan
