#include "perf/process.h"

#include <gtest/gtest.h>

namespace hypergen::perf {
namespace {

TEST(PerfProcess, CapturesOutputAndExitCode) {
  SteadyClock clock;
  auto r = run_process({"/bin/sh", "-c", "echo out; echo err >&2; exit 3"}, "/tmp", clock, true);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->exit_code, 3);
  EXPECT_EQ(r->out, "out\n");
  EXPECT_EQ(r->err, "err\n");
  EXPECT_GT(r->wall_ns, 0);
  EXPECT_GT(r->max_rss_kb, 0);
}

TEST(PerfProcess, RunsInTheGivenFolderAndReportsAMissingProgram) {
  SteadyClock clock;
  auto r = run_process({"/bin/pwd"}, "/", clock, true);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->out, "/\n");
  auto missing = run_process({"/no/such/program"}, "", clock, false);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->exit_code, 127);
}

TEST(PerfProcess, SelfInfo) {
  EXPECT_FALSE(self_exe_path().empty());
  EXPECT_GT(self_peak_rss_kb(), 0);
}

}  // namespace
}  // namespace hypergen::perf
