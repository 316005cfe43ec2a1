#include "util/metrics.h"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace hypergen {
namespace {

TEST(Metrics, NullMetricsIsANoOp) {
  ScopedTimer t(nullptr, Stage::kRender);
  count(nullptr, Counter::kCacheHits, 5);
  t.stop();
  SUCCEED();
}

TEST(Metrics, TimerRecordsOneCallPerScope) {
  Metrics m;
  { ScopedTimer t(&m, Stage::kRender); }
  {
    ScopedTimer t(&m, Stage::kRender);
    t.stop();
    t.stop();  // a second stop is ignored
  }
  auto s = m.snapshot();
  EXPECT_EQ(s.calls(Stage::kRender), 2u);
  EXPECT_GE(s.time_ns(Stage::kRender), 0);
  EXPECT_EQ(s.calls(Stage::kDiscover), 0u);
  EXPECT_GE(s.wall_ns, s.time_ns(Stage::kRender));
}

TEST(Metrics, CountersAreThreadSafe) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) {
        count(&m, Counter::kCacheHits);
        m.add_time(Stage::kRender, 1);
      }
    });
  }
  for (auto& th : threads) th.join();
  auto s = m.snapshot();
  EXPECT_EQ(s.count(Counter::kCacheHits), 40000u);
  EXPECT_EQ(s.calls(Stage::kRender), 40000u);
  EXPECT_EQ(s.time_ns(Stage::kRender), 40000);
}

TEST(Metrics, HitRate) {
  MetricsSnapshot s;
  EXPECT_LT(s.cache_hit_rate(), 0);
  s.counters[static_cast<std::size_t>(Counter::kCacheHits)] = 3;
  s.counters[static_cast<std::size_t>(Counter::kCacheMisses)] = 1;
  EXPECT_DOUBLE_EQ(s.cache_hit_rate(), 0.75);
}

TEST(Metrics, TableFormat) {
  MetricsSnapshot s;
  s.stage_ns[static_cast<std::size_t>(Stage::kRender)] = 1'234'567;
  s.stage_calls[static_cast<std::size_t>(Stage::kRender)] = 3;
  s.counters[static_cast<std::size_t>(Counter::kCacheHits)] = 9;
  s.counters[static_cast<std::size_t>(Counter::kCacheMisses)] = 1;
  s.wall_ns = 2'000'000;
  std::string table = format_stats_table(s);
  EXPECT_NE(table.find("render                      1.23       3\n"), std::string::npos) << table;
  EXPECT_NE(table.find("discover                       -       0\n"), std::string::npos) << table;
  EXPECT_NE(table.find("total (wall)                2.00\n"), std::string::npos) << table;
  EXPECT_NE(table.find("cache hits                     9\n"), std::string::npos) << table;
  EXPECT_NE(table.find("cache hit rate            90.00% (9/10)\n"), std::string::npos) << table;
  EXPECT_EQ(table.find("files written"), std::string::npos) << table;
}

TEST(Metrics, JsonFormat) {
  MetricsSnapshot s;
  s.stage_ns[static_cast<std::size_t>(Stage::kIndexLoad)] = 500'000;
  s.stage_calls[static_cast<std::size_t>(Stage::kIndexLoad)] = 1;
  std::string json = format_stats_json(s);
  EXPECT_NE(json.find("\"index_load\":{\"ms\":0.500,\"calls\":1}"), std::string::npos) << json;
  EXPECT_NE(json.find("\"cache_hit_rate\":null}"), std::string::npos) << json;
  EXPECT_EQ(json.front(), '{');
  s.counters[static_cast<std::size_t>(Counter::kCacheHits)] = 1;
  EXPECT_NE(format_stats_json(s).find("\"cache_hit_rate\":1.0000}"), std::string::npos);
}

}  // namespace
}  // namespace hypergen
