#pragma once
// The machinery shared by the `hypergen perf …` subcommands (perf_command.cc,
// perf_lab.cc): the standard operations and the in-process benchmark that
// times them, consoles and environments for running a command inside the
// process, the scratch folders, and the files under `.hypergen/perf/`.
//
// The standard operations (docs/performance.md):
//   startup     spawn this binary with `--version` (a new process each time)
//   discover    the tree walk of every template root (what `list` does
//               without the index, HYPERGEN_NO_INDEX=1)
//   index_load  load and validate the index at `list` depth
//   resolve, params, render, plan, apply
//               the stages of one real generation of the sample action
//               (`--generator`, default: the first generator's first
//               action), each run in a fresh scratch project in the temp
//               folder whose hypergen.yml points at this project's template
//               roots: the user's project is never written to. `sh:`
//               commands of the sample action run in that scratch folder.
// Every operation gets one unmeasured warm-up run first.

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/context.h"
#include "config/config.h"
#include "perf/clock.h"
#include "perf/history.h"
#include "util/metrics.h"
#include "util/result.h"

namespace hypergen::app {

inline constexpr std::array<std::string_view, 8> kPerfOperations = {
    "startup", "discover", "index_load", "resolve", "params", "render", "plan", "apply"};

// "render,plan" → canonical names in the standard order ("index-load" is
// accepted for index_load); kUsage naming an unknown one.
Result<std::vector<std::string>> parse_operations(std::string_view list);
bool is_generation_stage(std::string_view op);

// A Console that discards everything (or keeps it, when `capture`).
class BufferConsole final : public Console {
 public:
  void out(std::string_view text) override { out_ += text; }
  void err(std::string_view text) override { err_ += text; }
  bool stdout_is_tty() const override { return false; }
  bool stderr_is_tty() const override { return false; }
  bool stdin_is_tty() const override { return false; }
  std::optional<std::string> read_line() override { return std::nullopt; }
  std::string read_all_stdin() override { return ""; }
  const std::string& out_text() const { return out_; }
  const std::string& err_text() const { return err_; }
  void clear() {
    out_.clear();
    err_.clear();
  }

 private:
  std::string out_, err_;
};

// The process environment with some variables replaced or removed.
class OverlayEnvironment final : public Environment {
 public:
  explicit OverlayEnvironment(const Environment& base) : base_(base) {}
  void set(std::string name, std::string value) { values_[std::move(name)] = std::move(value); }
  void unset(std::string name) { values_[std::move(name)] = std::nullopt; }
  std::optional<std::string> get(std::string_view name) const override;

 private:
  const Environment& base_;
  std::unordered_map<std::string, std::optional<std::string>> values_;
};

// Progress for long work: on a terminal (stderr), one line rewritten in
// place; otherwise silent.
class Progress {
 public:
  explicit Progress(Context& ctx, bool quiet = false);
  ~Progress();
  void update(std::string_view text);
  void done();

 private:
  Context& ctx_;
  bool on_ = false;
  bool dirty_ = false;
};

// `<TMPDIR or /tmp>/hypergen-perf-<pid>-<n>`, created; kIo naming the folder
// and the reason when the temp folder is not writable.
Result<std::string> make_scratch_dir(Context& ctx, std::string_view what);

// .hypergen/perf/<name> of the project.
std::string perf_file(const config::Config& cfg, std::string_view name);

struct BenchOptions {
  int iterations = 10;
  std::vector<std::string> operations;  // empty: all
  std::string sample;                   // "generator:action"; empty: the first one
  int jobs = 0;                         // --jobs for the generation; 0: automatic
  bool warmup = true;                   // one unmeasured run of each operation first
  perf::Clock* clock = nullptr;         // null: the steady clock
  Progress* progress = nullptr;
};

// Times the operations on the project of `cfg`; the record is complete but
// not stored. Cache and index counters of the in-process runs are summed into
// run.counters.
Result<perf::RunRecord> run_benchmark(Context& ctx, const config::Config& cfg,
                                      const BenchOptions& options);

// The persistent counters of `perf status` (.hypergen/perf/counters.json):
// cache and index counters summed over every run the lab measured (benchmark,
// analyze, monitor) since `perf status --reset`.
struct CounterTotals {
  std::string since;  // ISO time of the last reset (or of the first record)
  std::uint64_t runs = 0;
  std::unordered_map<std::string, std::uint64_t> counters;
};
CounterTotals read_counter_totals(Context& ctx, const config::Config& cfg, std::string* problem);
// Best effort: a failure to write is ignored (the counters are advisory).
void add_counter_totals(Context& ctx, const config::Config& cfg,
                        const std::map<std::string, std::uint64_t>& counters);
Status reset_counter_totals(Context& ctx, const config::Config& cfg);

// The counters of a metrics snapshot, by JSON key, non-zero only.
std::map<std::string, std::uint64_t> counter_map(const MetricsSnapshot& snapshot);

// Small formatting helpers.
std::string fmt_ms(double ns);  // "12.34" (ms, 2 decimals), "-" for < 0
std::string fmt_mb(std::int64_t kb);

// A tiny option parser for the perf subcommands: `--name value`,
// `--name=value`, bare flags, and repeated options.
struct PerfArgs {
  std::vector<std::pair<std::string, std::string>> options;  // name without dashes → value
  std::vector<std::string> flags;
  std::vector<std::string> positionals;
  std::vector<std::string> rest;  // after `--`
  bool has(std::string_view flag) const;
  std::optional<std::string> get(std::string_view name) const;
  std::vector<std::string> all(std::string_view name) const;
};
// `value_options`: the names that take a value; `flag_names`: the bare flags.
// Anything else starting with `-` is a kUsage error naming `command`.
Result<PerfArgs> parse_perf_args(std::span<const std::string> args, std::string_view command,
                                 std::span<const std::string_view> value_options,
                                 std::span<const std::string_view> flag_names);
Result<int> parse_int_option(const PerfArgs& args, std::string_view name, int fallback, int lo,
                             int hi);

}  // namespace hypergen::app
