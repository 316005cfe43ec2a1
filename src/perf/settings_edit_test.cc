#include "perf/settings_edit.h"

#include <gtest/gtest.h>

namespace hypergen::perf {
namespace {

TEST(PerfSettingsEdit, AppendsABlockAndKeepsComments) {
  auto out = set_yaml_perf_jobs("# my project\ntemplates: _t # here\n", 2);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, "# my project\ntemplates: _t # here\nperf:\n  jobs: 2\n");
  auto no_newline = set_yaml_perf_jobs("templates: _t", 1);
  ASSERT_TRUE(no_newline);
  EXPECT_EQ(*no_newline, "templates: _t\nperf:\n  jobs: 1\n");
}

TEST(PerfSettingsEdit, ReplacesJobsKeepingItsComment) {
  std::string in =
      "perf: # tuning\n"
      "    budgets:\n"
      "      render: 5\n"
      "    jobs: 8   # old\n"
      "cache:\n"
      "  jobs: 99\n";
  auto out = set_yaml_perf_jobs(in, 2);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out,
            "perf: # tuning\n"
            "    budgets:\n"
            "      render: 5\n"
            "    jobs: 2   # old\n"
            "cache:\n"
            "  jobs: 99\n");
}

TEST(PerfSettingsEdit, InsertsIntoAnExistingBlock) {
  auto out = set_yaml_perf_jobs("perf:\n   budgets:\n     render: 5\nother: 1\n", 3);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, "perf:\n   jobs: 3\n   budgets:\n     render: 5\nother: 1\n");
  // jobs: nested deeper (under budgets) is not perf.jobs.
  auto deep = set_yaml_perf_jobs("perf:\n  budgets:\n    jobs: 5\n", 1);
  ASSERT_TRUE(deep);
  EXPECT_EQ(*deep, "perf:\n  jobs: 1\n  budgets:\n    jobs: 5\n");
}

TEST(PerfSettingsEdit, RefusesFlowStyle) {
  auto out = set_yaml_perf_jobs("perf: {jobs: 2}\n", 1);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().kind, ErrorKind::kData);
  // "perfect:" is another key.
  auto other = set_yaml_perf_jobs("perfect: 1\n", 1);
  ASSERT_TRUE(other);
  EXPECT_EQ(*other, "perfect: 1\nperf:\n  jobs: 1\n");
}

TEST(PerfSettingsEdit, Json) {
  auto out = set_json_perf_jobs("{\"templates\": \"t\", \"perf\": {\"budgets\": {}}}", 2);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out,
            "{\n  \"templates\": \"t\",\n  \"perf\": {\n    \"budgets\": {},\n    \"jobs\": "
            "2\n  }\n}\n");
  EXPECT_FALSE(set_json_perf_jobs("[1]", 2));
  EXPECT_FALSE(set_json_perf_jobs("{\"perf\": 3}", 2));
}

}  // namespace
}  // namespace hypergen::perf
