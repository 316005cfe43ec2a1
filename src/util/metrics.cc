#include "util/metrics.h"

#include <sys/resource.h>

#include <fmt/format.h>

namespace hypergen {

namespace {

struct Names {
  std::string_view name;
  std::string_view key;
};

constexpr Names kStageNames[] = {
    {"discover", "discover"},
    {"index load", "index_load"},
    {"index validate", "index_validate"},
    {"index build", "index_build"},
    {"resolve", "resolve"},
    {"params", "params"},
    {"render", "render"},
    {"plan", "plan"},
    {"apply", "apply"},
};
static_assert(std::size(kStageNames) == static_cast<std::size_t>(Stage::kCount));

constexpr Names kCounterNames[] = {
    {"cache hits", "cache_hits"},
    {"cache misses", "cache_misses"},
    {"cache evictions", "cache_evictions"},
    {"cache disk hits", "cache_disk_hits"},
    {"cache shared hits", "cache_shared_hits"},
    {"index stats", "index_stats"},
    {"index rescanned", "index_rescanned"},
    {"templates rendered", "templates_rendered"},
    {"ejs native", "ejs_native"},
    {"ejs engine", "ejs_engine"},
    {"ejs native bailed", "ejs_native_bailed"},
    {"files planned", "files_planned"},
    {"files written", "files_written"},
};
static_assert(std::size(kCounterNames) == static_cast<std::size_t>(Counter::kCount));

double ms(std::int64_t ns) {
  return static_cast<double>(ns) / 1e6;
}

}  // namespace

std::string_view stage_name(Stage stage) {
  return kStageNames[static_cast<std::size_t>(stage)].name;
}
std::string_view stage_key(Stage stage) {
  return kStageNames[static_cast<std::size_t>(stage)].key;
}
std::string_view counter_name(Counter counter) {
  return kCounterNames[static_cast<std::size_t>(counter)].name;
}
std::string_view counter_key(Counter counter) {
  return kCounterNames[static_cast<std::size_t>(counter)].key;
}

double MetricsSnapshot::cache_hit_rate() const {
  auto hits = count(Counter::kCacheHits);
  auto total = hits + count(Counter::kCacheMisses);
  if (total == 0) return -1.0;
  return static_cast<double>(hits) / static_cast<double>(total);
}

MetricsSnapshot Metrics::snapshot() const {
  MetricsSnapshot s;
  for (std::size_t i = 0; i < s.stage_ns.size(); ++i) {
    s.stage_ns[i] = stage_ns_[i].load(std::memory_order_relaxed);
    s.stage_calls[i] = stage_calls_[i].load(std::memory_order_relaxed);
  }
  for (std::size_t i = 0; i < s.counters.size(); ++i) {
    s.counters[i] = counters_[i].load(std::memory_order_relaxed);
  }
  s.wall_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - created_).count();
  struct rusage usage {};
  if (::getrusage(RUSAGE_SELF, &usage) == 0) s.peak_rss_kb = usage.ru_maxrss;
  return s;
}

void Metrics::reset() {
  for (auto& v : stage_ns_) v.store(0, std::memory_order_relaxed);
  for (auto& v : stage_calls_) v.store(0, std::memory_order_relaxed);
  for (auto& v : counters_) v.store(0, std::memory_order_relaxed);
  created_ = Clock::now();
}

std::string format_stats_table(const MetricsSnapshot& s) {
  std::string out = fmt::format("{:<20}{:>12}{:>8}\n", "stage", "time (ms)", "calls");
  std::int64_t staged = 0;
  for (std::size_t i = 0; i < s.stage_ns.size(); ++i) {
    auto stage = static_cast<Stage>(i);
    staged += s.stage_ns[i];
    if (s.stage_calls[i] == 0) {
      out += fmt::format("{:<20}{:>12}{:>8}\n", stage_name(stage), "-", 0);
    } else {
      out += fmt::format("{:<20}{:>12.2f}{:>8}\n", stage_name(stage), ms(s.stage_ns[i]),
                         s.stage_calls[i]);
    }
  }
  out += fmt::format("{:<20}{:>12.2f}\n", "total (wall)", ms(s.wall_ns));
  if (s.wall_ns > staged) {
    out += fmt::format("{:<20}{:>12.2f}\n", "other", ms(s.wall_ns - staged));
  }
  bool any_counter = false;
  for (std::size_t i = 0; i < s.counters.size(); ++i) {
    if (s.counters[i] == 0) continue;
    if (!any_counter) out += fmt::format("{:<20}{:>12}\n", "counter", "value");
    any_counter = true;
    out += fmt::format("{:<20}{:>12}\n", counter_name(static_cast<Counter>(i)), s.counters[i]);
  }
  double rate = s.cache_hit_rate();
  if (rate >= 0) {
    out += fmt::format("{:<20}{:>11.2f}% ({}/{})\n", "cache hit rate", rate * 100.0,
                       s.count(Counter::kCacheHits),
                       s.count(Counter::kCacheHits) + s.count(Counter::kCacheMisses));
  }
  if (s.peak_rss_kb > 0) {
    out += fmt::format("{:<20}{:>12.1f}\n", "peak RSS (MB)",
                       static_cast<double>(s.peak_rss_kb) / 1024.0);
  }
  return out;
}

std::string format_stats_json(const MetricsSnapshot& s) {
  std::string out = fmt::format("{{\"wall_ms\":{:.3f},\"peak_rss_kb\":{},\"stages\":{{",
                                ms(s.wall_ns), s.peak_rss_kb);
  for (std::size_t i = 0; i < s.stage_ns.size(); ++i) {
    if (i > 0) out += ',';
    out += fmt::format("\"{}\":{{\"ms\":{:.3f},\"calls\":{}}}", stage_key(static_cast<Stage>(i)),
                       ms(s.stage_ns[i]), s.stage_calls[i]);
  }
  out += "},\"counters\":{";
  for (std::size_t i = 0; i < s.counters.size(); ++i) {
    if (i > 0) out += ',';
    out += fmt::format("\"{}\":{}", counter_key(static_cast<Counter>(i)), s.counters[i]);
  }
  out += "},\"cache_hit_rate\":";
  double rate = s.cache_hit_rate();
  out += rate >= 0 ? fmt::format("{:.4f}", rate) : std::string("null");
  out += '}';
  return out;
}

}  // namespace hypergen
