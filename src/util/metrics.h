#pragma once
// Stage timings and counters for `--stats`, `perf` and `serve`.
//
// A Metrics object is created by the command runner only when stats are
// wanted and passed down as a `Metrics*` that is null otherwise, so the cost
// when off is one pointer test: ScopedTimer reads no clock and counters touch
// no memory. There is no global registry. Everything is atomic, so parallel
// render workers may share one object; a stage timed on several threads at
// once adds up the time of every thread (CPU-time-like, not wall time).

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace hypergen {

// Pipeline stages, in the order `--stats` prints them.
enum class Stage : std::uint8_t {
  kDiscover,
  kIndexLoad,
  kIndexValidate,
  kIndexBuild,
  kResolve,
  kParams,
  kRender,
  kPlan,
  kApply,
  kCount,
};

enum class Counter : std::uint8_t {
  kCacheHits,        // every level
  kCacheMisses,      // a miss at every level
  kCacheEvictions,   // entries dropped to stay within the byte budget or by TTL
  kCacheDiskHits,    // hits served by the on-disk level
  kCacheSharedHits,  // hits served by the shared team directory
  kIndexStats,       // stat() calls made to validate the index
  kIndexRescanned,   // generators or actions re-read because they changed
  kTemplatesRendered,
  kEjsNative,  // EJS texts (attributes, bodies) rendered by the native path
  kEjsEngine,  // EJS texts rendered by the JavaScript engine
  kEjsBailed,  // runs the native path handed to the engine mid-way (nothing was kept)
  kFilesPlanned,
  kFilesWritten,
  kCount,
};

std::string_view stage_name(Stage stage);        // "index load"
std::string_view stage_key(Stage stage);         // "index_load" (JSON)
std::string_view counter_name(Counter counter);  // "cache hits"
std::string_view counter_key(Counter counter);   // "cache_hits" (JSON)

// A plain copy of the numbers, for formatting and tests.
struct MetricsSnapshot {
  std::array<std::int64_t, static_cast<std::size_t>(Stage::kCount)> stage_ns{};
  std::array<std::uint64_t, static_cast<std::size_t>(Stage::kCount)> stage_calls{};
  std::array<std::uint64_t, static_cast<std::size_t>(Counter::kCount)> counters{};
  std::int64_t wall_ns = 0;      // since the Metrics object was created
  std::int64_t peak_rss_kb = 0;  // getrusage(RUSAGE_SELF).ru_maxrss; 0 if unknown

  std::int64_t time_ns(Stage s) const { return stage_ns[static_cast<std::size_t>(s)]; }
  std::uint64_t calls(Stage s) const { return stage_calls[static_cast<std::size_t>(s)]; }
  std::uint64_t count(Counter c) const { return counters[static_cast<std::size_t>(c)]; }
  // hits / (hits + misses), or -1 when there were no lookups.
  double cache_hit_rate() const;
};

class Metrics {
 public:
  using Clock = std::chrono::steady_clock;

  Metrics() : created_(Clock::now()) {}
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  void add_time(Stage stage, std::int64_t ns) {
    auto i = static_cast<std::size_t>(stage);
    stage_ns_[i].fetch_add(ns, std::memory_order_relaxed);
    stage_calls_[i].fetch_add(1, std::memory_order_relaxed);
  }
  void add(Counter counter, std::uint64_t n = 1) {
    counters_[static_cast<std::size_t>(counter)].fetch_add(n, std::memory_order_relaxed);
  }
  MetricsSnapshot snapshot() const;
  void reset();

 private:
  Clock::time_point created_;
  std::array<std::atomic<std::int64_t>, static_cast<std::size_t>(Stage::kCount)> stage_ns_{};
  std::array<std::atomic<std::uint64_t>, static_cast<std::size_t>(Stage::kCount)> stage_calls_{};
  std::array<std::atomic<std::uint64_t>, static_cast<std::size_t>(Counter::kCount)> counters_{};
};

// Adds `n` to a counter when metrics are on.
inline void count(Metrics* metrics, Counter counter, std::uint64_t n = 1) {
  if (metrics != nullptr) metrics->add(counter, n);
}

// Times a scope: `ScopedTimer t(metrics, Stage::kRender);`. With a null
// Metrics* it does nothing (no clock read). stop() ends it early.
class ScopedTimer {
 public:
  ScopedTimer(Metrics* metrics, Stage stage) : metrics_(metrics), stage_(stage) {
    if (metrics_ != nullptr) start_ = Metrics::Clock::now();
  }
  ~ScopedTimer() { stop(); }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

  void stop() {
    if (metrics_ == nullptr) return;
    auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(Metrics::Clock::now() - start_);
    metrics_->add_time(stage_, ns.count());
    metrics_ = nullptr;
  }

 private:
  Metrics* metrics_;
  Stage stage_;
  Metrics::Clock::time_point start_{};
};

// The `--stats` table (written to stderr by the CLI): one row per stage with
// its time in ms (2 decimals) and calls, the total wall time, then the
// non-zero counters and the cache hit rate.
std::string format_stats_table(const MetricsSnapshot& snapshot);
// The same numbers as one JSON object (for `--stats=json`, `perf`, `serve`):
// {"wall_ms":…, "peak_rss_kb":…, "stages":{"discover":{"ms":…,"calls":…},…},
//  "counters":{"cache_hits":…,…}, "cache_hit_rate":… or null}
std::string format_stats_json(const MetricsSnapshot& snapshot);

}  // namespace hypergen
