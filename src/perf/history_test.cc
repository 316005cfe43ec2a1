#include "perf/history.h"

#include <gtest/gtest.h>

#include "util/fs_memory.h"

namespace hypergen::perf {
namespace {

RunRecord sample_run(double scale) {
  RunRecord r;
  r.time = "2024-05-01T12:00:00Z";
  r.version = "1.2.3";
  r.workspace = "/p";
  r.sample = "comp:new";
  r.iterations = 3;
  r.peak_rss_kb = 4096;
  r.ops.push_back({"render", {1000 * scale, 3000 * scale, 2000 * scale}, 4000});
  r.ops.push_back({"startup", {5e5, 6e5, 7e5}, 2000});
  r.counters["cache_hits"] = 7;
  return r;
}

TEST(PerfHistory, RoundTrip) {
  RunRecord r = sample_run(1);
  std::string line = encode_run(r);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find("\"median_ns\":2000"), std::string::npos);
  auto back = decode_run(line);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->time, r.time);
  EXPECT_EQ(back->sample, "comp:new");
  EXPECT_EQ(back->iterations, 3);
  ASSERT_NE(back->op("render"), nullptr);
  EXPECT_EQ(back->op("render")->samples_ns, (std::vector<double>{1000, 3000, 2000}));
  EXPECT_EQ(back->op("render")->peak_rss_kb, 4000);
  EXPECT_DOUBLE_EQ(back->op("render")->summary().median, 2000);
  EXPECT_EQ(back->counters.at("cache_hits"), 7u);
}

TEST(PerfHistory, RejectsForeignLines) {
  EXPECT_FALSE(decode_run("{\"schema\":2,\"ops\":{}}"));
  EXPECT_FALSE(decode_run("[1,2]"));
  EXPECT_FALSE(decode_run("{\"schema\":1}"));
  EXPECT_FALSE(decode_run("{\"schema\":1,\"ops\":{\"x\":{\"samples_ns\":[-1]}}}"));
  EXPECT_FALSE(decode_run("\x01\x02garbage"));
}

TEST(PerfHistory, TornLastLineIsRecovered) {
  std::string a = encode_run(sample_run(1)), b = encode_run(sample_run(2));
  std::string text = a + "\n" + b + "\n" + b.substr(0, b.size() / 2);
  HistoryRead h = parse_history(text);
  EXPECT_EQ(h.runs.size(), 2u);
  EXPECT_EQ(h.torn, 1u);
  EXPECT_TRUE(h.skipped.empty());
  EXPECT_NE(h.describe("history.jsonl").find("torn last line"), std::string::npos);
}

TEST(PerfHistory, RandomBytesInTheMiddleAreSkipped) {
  std::string a = encode_run(sample_run(1));
  std::string text = a + "\n" + std::string("\xff\xfe\0garbage", 10) + "\n\n" + a + "\n";
  HistoryRead h = parse_history(text);
  EXPECT_EQ(h.runs.size(), 2u);
  EXPECT_EQ(h.torn, 0u);
  ASSERT_EQ(h.skipped.size(), 1u);
  EXPECT_EQ(h.skipped[0], 2u);
  EXPECT_NE(h.describe("h").find("unreadable line(s) (2)"), std::string::npos);
}

TEST(PerfHistory, AValidLastLineWithoutNewlineIsKept) {
  HistoryRead h = parse_history(encode_run(sample_run(1)));
  EXPECT_EQ(h.runs.size(), 1u);
  EXPECT_FALSE(h.damaged());
}

TEST(PerfHistory, AppendRepairsTheFile) {
  MemoryFileSystem fs;
  const std::string path = "/p/.hypergen/perf/history.jsonl";
  ASSERT_TRUE(fs.make_dirs("/p/.hypergen/perf"));
  std::string a = encode_run(sample_run(1));
  ASSERT_TRUE(fs.write_file(path, a + "\nnot json\n" + a.substr(0, 40), false));
  auto before = append_history(fs, path, sample_run(3));
  ASSERT_TRUE(before);
  EXPECT_EQ(before->torn, 1u);
  EXPECT_EQ(before->skipped.size(), 1u);
  auto after = read_history(fs, path);
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->damaged());
  ASSERT_EQ(after->runs.size(), 2u);
  EXPECT_DOUBLE_EQ(after->runs[1].op("render")->summary().median, 6000);
  auto text = fs.read_file(path);
  ASSERT_TRUE(text);
  EXPECT_EQ(text->back(), '\n');
}

TEST(PerfHistory, CompareRunsFlagsTheSlowedOperationOnly) {
  RunRecord base, cur;
  base.ops.push_back({"render", {}, 0});
  base.ops.push_back({"plan", {}, 0});
  cur.ops.push_back({"plan", {}, 0});
  cur.ops.push_back({"render", {}, 0});
  cur.ops.push_back({"startup", {1, 2, 3}, 0});  // not in the baseline
  for (int i = 0; i < 10; ++i) {
    base.ops[0].samples_ns.push_back(1e6 + i * 1e3);
    base.ops[1].samples_ns.push_back(2e6 + i * 1e3);
    cur.ops[0].samples_ns.push_back(2e6 + ((i * 7) % 10) * 1e3);  // plan: same distribution
    cur.ops[1].samples_ns.push_back(1.5e6 + i * 1e3);             // render: +50 %
  }
  auto c = compare_runs(base, cur, {});
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].name, "plan");
  EXPECT_EQ(c[0].comparison.verdict, Verdict::kUnchanged);
  EXPECT_EQ(c[1].name, "render");
  EXPECT_EQ(c[1].comparison.verdict, Verdict::kRegression);
  EXPECT_NEAR(c[1].comparison.change_pct, 49.9, 0.2);
}

TEST(PerfHistory, MissingFileIsEmpty) {
  MemoryFileSystem fs;
  auto h = read_history(fs, "/nowhere/history.jsonl");
  ASSERT_TRUE(h);
  EXPECT_TRUE(h->runs.empty());
}

TEST(PerfHistory, KeepsAtMostMaxRuns) {
  MemoryFileSystem fs;
  const std::string path = "/h.jsonl";
  std::string text;
  for (std::size_t i = 0; i < kMaxHistory; ++i) text += encode_run(sample_run(1)) + "\n";
  ASSERT_TRUE(fs.write_file(path, text, false));
  ASSERT_TRUE(append_history(fs, path, sample_run(5)));
  auto h = read_history(fs, path);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->runs.size(), kMaxHistory);
  EXPECT_DOUBLE_EQ(h->runs.back().op("render")->summary().median, 10000);
}

}  // namespace
}  // namespace hypergen::perf
