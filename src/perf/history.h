#pragma once
// The benchmark history and baseline of the performance lab.
//
//   .hypergen/perf/history.jsonl   one benchmark run per line (JSON Lines),
//                                  appended by `perf benchmark`
//   .hypergen/perf/baseline.json   one run (the same object), written by
//                                  `perf benchmark --baseline save`
//
// A run (schema 1, documented in docs/perf-export.md):
//   {"schema":1, "time":"2024-05-01T12:00:00Z", "version":"0.1.0",
//    "workspace":"/abs/project", "sample":"component:new", "iterations":10,
//    "jobs":0, "peak_rss_kb":5120,
//    "ops":{"render":{"samples_ns":[…], "min_ns":…, "median_ns":…, "p95_ns":…,
//                     "max_ns":…, "mad_ns":…, "peak_rss_kb":…}, …},
//    "counters":{"cache_hits":…, …}}
// Only "schema", "time" and "ops.*.samples_ns" are needed to read a run back;
// the summary fields are recomputed from the samples (they are written for
// other tools).
//
// Robustness: the file is rewritten whole (temp file + rename) on every
// append, so a crash leaves the old or the new file. A file damaged anyway
// (a torn last line from another writer, random bytes) is read line by line:
// an unterminated or unparsable last line is a "torn" line, any other line
// that is not a run is "skipped"; both are counted and reported, never fatal,
// and dropped the next time the file is written. At most kMaxHistory runs
// are kept (the oldest go first).

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "perf/stats.h"
#include "util/fs.h"
#include "util/result.h"

namespace hypergen::perf {

inline constexpr int kHistorySchema = 1;
inline constexpr std::size_t kMaxHistory = 1000;
inline constexpr std::string_view kPerfRelDir = ".hypergen/perf";

struct OpResult {
  std::string name;
  std::vector<double> samples_ns;
  std::int64_t peak_rss_kb = 0;  // process peak after the operation ran
  Summary summary() const { return summarize(samples_ns); }
};

struct RunRecord {
  std::string time;  // ISO 8601, UTC
  std::string version;
  std::string workspace;
  std::string sample;  // "generator:action" used for the generation stages
  int iterations = 0;
  int jobs = 0;  // 0: automatic
  std::int64_t peak_rss_kb = 0;
  std::vector<OpResult> ops;
  std::map<std::string, std::uint64_t> counters;

  const OpResult* op(std::string_view name) const;
};

// One JSON line (no newline) and back. Parsing fails (kData) when the text
// is not a schema-1 run.
std::string encode_run(const RunRecord& run);
Result<RunRecord> decode_run(std::string_view text);

struct HistoryRead {
  std::vector<RunRecord> runs;
  std::size_t torn = 0;              // 0 or 1: the last line was cut short
  std::vector<std::size_t> skipped;  // 1-based numbers of other unreadable lines
  bool damaged() const { return torn > 0 || !skipped.empty(); }
  std::string describe(std::string_view path) const;  // "" when undamaged
};

HistoryRead parse_history(std::string_view text);
// A missing file is an empty history; an unreadable one is an error (kIo).
Result<HistoryRead> read_history(FileSystem& fs, const std::string& path);
// Appends `run`, dropping damaged lines and runs beyond kMaxHistory.
// Returns what was read before the append (for reporting recovered damage).
Result<HistoryRead> append_history(FileSystem& fs, const std::string& path, const RunRecord& run);

// The regression decision for every operation the two runs share (in the
// order of `current`), using compare_samples on the raw samples.
struct OpComparison {
  std::string name;
  Comparison comparison;
};
std::vector<OpComparison> compare_runs(const RunRecord& baseline, const RunRecord& current,
                                       const RegressionRule& rule);

// Writes a file atomically (temp file in the same folder + rename), creating
// the folder.
Status write_file_atomic(FileSystem& fs, const std::string& path, std::string_view data);

// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_now_iso8601();

}  // namespace hypergen::perf
