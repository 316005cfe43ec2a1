#include "app/perf_support.h"

#include <gtest/gtest.h>

#include "util/fs_memory.h"

namespace hypergen::app {
namespace {

TEST(PerfSupport, ParseOperations) {
  auto ops = parse_operations("apply, index-load,startup");
  ASSERT_TRUE(ops);
  EXPECT_EQ(*ops, (std::vector<std::string>{"startup", "index_load", "apply"}));
  auto bad = parse_operations("render,warp");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kUsage);
  EXPECT_NE(bad.error().message.find("unknown operation 'warp'"), std::string::npos);
  EXPECT_FALSE(parse_operations(","));
}

TEST(PerfSupport, ParseArgs) {
  std::vector<std::string> args = {"--iterations", "3",      "--budget=render=5",
                                   "--budget",     "plan=1", "--json",
                                   "--",           "list",   "--x"};
  static constexpr std::string_view kValues[] = {"iterations", "budget"};
  static constexpr std::string_view kFlags[] = {"json"};
  auto a = parse_perf_args(args, "t", kValues, kFlags);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->get("iterations"), "3");
  EXPECT_EQ(a->all("budget"), (std::vector<std::string>{"render=5", "plan=1"}));
  EXPECT_TRUE(a->has("json"));
  EXPECT_EQ(a->rest, (std::vector<std::string>{"list", "--x"}));
  auto n = parse_int_option(*a, "iterations", 10, 1, 100);
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 3);
  EXPECT_FALSE(parse_int_option(*a, "iterations", 10, 5, 100));
  std::vector<std::string> bad = {"--nope"};
  EXPECT_FALSE(parse_perf_args(bad, "t", kValues, kFlags));
  std::vector<std::string> missing = {"--iterations"};
  EXPECT_FALSE(parse_perf_args(missing, "t", kValues, kFlags));
}

TEST(PerfSupport, OverlayEnvironment) {
  MapEnvironment base({{"A", "1"}, {"B", "2"}});
  OverlayEnvironment env(base);
  env.set("A", "x");
  env.unset("B");
  EXPECT_EQ(env.get("A"), "x");
  EXPECT_EQ(env.get("B"), std::nullopt);
  MapEnvironment more;
  more.set("C", "3");
  OverlayEnvironment env2(more);
  EXPECT_EQ(env2.get("C"), "3");
}

// The in-process benchmark on an in-memory project with a fake clock: exact
// samples, the generation stages measured, nothing written into the project.
TEST(PerfSupport, BenchmarkWithFakeClockNeverWritesTheProject) {
  MemoryFileSystem fs;
  fs.add_dir("/tmp");
  fs.add_file("/p/_templates/comp/new/a.liquid.t",
              "---\nto: out/{{ name }}.txt\n---\nhi {{ name }}\n");
  MapEnvironment env;
  BufferConsole console;
  Context ctx{fs, console, env, "/p", false, nullptr};
  auto cfg = config::load_config(
      fs, [](std::string_view) { return std::optional<std::string>(); }, "/p");
  ASSERT_TRUE(cfg) << cfg.error().message;
  perf::FakeClock clock(1000);  // every read advances 1 µs
  BenchOptions bo;
  bo.iterations = 3;
  bo.operations = {"discover", "index_load", "render", "apply"};
  bo.clock = &clock;
  auto run = run_benchmark(ctx, *cfg, bo);
  ASSERT_TRUE(run) << run.error().message;
  ASSERT_EQ(run->ops.size(), 4u);
  EXPECT_EQ(run->ops[0].name, "discover");
  EXPECT_EQ(run->ops[0].samples_ns, (std::vector<double>{1000, 1000, 1000}));
  EXPECT_EQ(run->ops[1].samples_ns, (std::vector<double>{1000, 1000, 1000}));
  EXPECT_EQ(run->ops[2].name, "render");
  EXPECT_EQ(run->ops[2].samples_ns.size(), 3u);
  EXPECT_EQ(run->sample, "comp:new");
  EXPECT_EQ(run->counters.at("templates_rendered"), 4u);  // warm-up + 3
  auto out = fs.stat("/p/out");
  ASSERT_TRUE(out);
  EXPECT_FALSE(out->exists());
  auto tmp = fs.list_dir("/tmp");
  ASSERT_TRUE(tmp);
  EXPECT_TRUE(tmp->empty());  // the scratch project is gone
}

TEST(PerfSupport, BenchmarkWithoutTemplatesIsNotFound) {
  MemoryFileSystem fs;
  fs.add_dir("/p");
  MapEnvironment env;
  BufferConsole console;
  Context ctx{fs, console, env, "/p", false, nullptr};
  auto cfg = config::load_config(
      fs, [](std::string_view) { return std::optional<std::string>(); }, "/p");
  ASSERT_TRUE(cfg);
  BenchOptions bo;
  bo.operations = {"render"};
  auto run = run_benchmark(ctx, *cfg, bo);
  ASSERT_FALSE(run);
  EXPECT_EQ(run.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace hypergen::app
