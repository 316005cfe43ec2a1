#include "app/perf_command.h"

#include <fmt/format.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/cache_command.h"
#include "app/perf_support.h"
#include "app/workspace.h"
#include "cache/disk_store.h"
#include "cache/maintenance.h"
#include "perf/history.h"
#include "perf/svg.h"
#include "util/state_dir.h"

namespace hypergen::app {

using json = nlohmann::ordered_json;

namespace {

json run_json(const perf::RunRecord& run) {
  return json::parse(perf::encode_run(run));
}

json comparison_json(const std::vector<perf::OpComparison>& cmp) {
  json out = json::array();
  for (const auto& c : cmp) {
    out.push_back({{"operation", c.name},
                   {"verdict", perf::verdict_name(c.comparison.verdict)},
                   {"baseline_median_ns", c.comparison.baseline_median},
                   {"current_median_ns", c.comparison.current_median},
                   {"change_pct", c.comparison.change_pct},
                   {"p_value", c.comparison.p_value}});
  }
  return out;
}

// Reads a single-run JSON file (the baseline); nullopt when missing, an
// error when present but unreadable.
Result<std::optional<perf::RunRecord>> read_run_file(Context& ctx, const std::string& path) {
  auto st = ctx.fs.stat(path);
  if (!st) return tl::unexpected(st.error());
  if (!st->exists()) return std::optional<perf::RunRecord>();
  auto text = ctx.fs.read_file(path);
  if (!text) return tl::unexpected(text.error());
  auto run = perf::decode_run(*text);
  if (!run) {
    return make_error(ErrorKind::kData, path + ": not a benchmark run (" + run.error().message +
                                            "); save a new one with perf benchmark --baseline "
                                            "save");
  }
  return std::optional<perf::RunRecord>(std::move(*run));
}

std::string pct(double v) {
  return fmt::format("{:+.1f}%", v);
}

std::string comparison_cell(const perf::Comparison& c) {
  if (c.verdict == perf::Verdict::kInsufficient) return "too few samples";
  return fmt::format("{} {} (p={:.3g})", pct(c.change_pct), perf::verdict_name(c.verdict),
                     c.p_value);
}

std::string run_table(const perf::RunRecord& run, const std::vector<perf::OpComparison>* cmp) {
  std::string out = fmt::format("{:<11} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8}", "operation", "min ms",
                                "median ms", "p95 ms", "max ms", "MAD ms", "RSS MB");
  if (cmp) out += "  vs baseline";
  out += "\n";
  for (const auto& op : run.ops) {
    perf::Summary s = op.summary();
    out += fmt::format("{:<11} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8}", op.name, fmt_ms(s.min),
                       fmt_ms(s.median), fmt_ms(s.p95), fmt_ms(s.max), fmt_ms(s.mad),
                       fmt_mb(op.peak_rss_kb));
    if (cmp) {
      for (const auto& c : *cmp) {
        if (c.name == op.name) out += "  " + comparison_cell(c.comparison);
      }
    }
    out += "\n";
  }
  return out;
}

std::string human_bytes(std::uint64_t b) {
  if (b >= 1024 * 1024) return fmt::format("{:.1f} MB", static_cast<double>(b) / 1048576.0);
  if (b >= 1024) return fmt::format("{:.1f} KB", static_cast<double>(b) / 1024.0);
  return fmt::format("{} B", b);
}

}  // namespace

Status perf_command(Context& ctx, std::span<const std::string> args, CommandRunner runner) {
  if (args.empty()) {
    return make_error(ErrorKind::kUsage, std::string("perf: which one?\n") + kPerfUsage);
  }
  const std::string& sub = args[0];
  auto rest = args.subspan(1);
  if (sub == "status") return perf_status(ctx, rest);
  if (sub == "benchmark") return perf_benchmark(ctx, rest);
  if (sub == "test") return perf_test(ctx, rest);
  if (sub == "analyze") return perf_analyze(ctx, rest, runner);
  if (sub == "optimize") return perf_optimize(ctx, rest);
  if (sub == "monitor") return perf_monitor(ctx, rest);
  if (sub == "export") return perf_export(ctx, rest);
  return make_error(ErrorKind::kUsage,
                    "perf: unknown subcommand '" + sub +
                        "' (use status, benchmark, test, analyze, optimize, monitor or export)\n" +
                        kPerfUsage);
}

// ---------------------------------------------------------------- benchmark

Status perf_benchmark(Context& ctx, std::span<const std::string> args) {
  static constexpr std::string_view kValues[] = {"iterations",         "operations", "baseline",
                                                 "fail-on-regression", "generator",  "jobs",
                                                 "baseline-file"};
  static constexpr std::string_view kFlags[] = {"json", "no-history"};
  auto a = parse_perf_args(args, "benchmark", kValues, kFlags);
  if (!a) return tl::unexpected(a.error());
  if (!a->positionals.empty() || !a->rest.empty()) {
    return make_error(ErrorKind::kUsage,
                      "perf benchmark: unexpected argument '" +
                          (a->positionals.empty() ? std::string("--") : a->positionals[0]) + "'");
  }
  bool json_out = a->has("json");
  auto iterations = parse_int_option(*a, "iterations", 10, 1, 10000);
  if (!iterations) return tl::unexpected(iterations.error());
  auto jobs = parse_int_option(*a, "jobs", 0, 1, 1024);
  if (!jobs) return tl::unexpected(jobs.error());
  BenchOptions bo;
  bo.iterations = *iterations;
  bo.jobs = *jobs;
  bo.sample = a->get("generator").value_or("");
  if (auto ops = a->get("operations")) {
    auto parsed = parse_operations(*ops);
    if (!parsed) return tl::unexpected(parsed.error());
    bo.operations = *parsed;
  }
  std::string baseline_mode = a->get("baseline").value_or("");
  if (!baseline_mode.empty() && baseline_mode != "save" && baseline_mode != "compare") {
    return make_error(ErrorKind::kUsage,
                      "--baseline needs 'save' or 'compare', got '" + baseline_mode + "'");
  }
  std::optional<double> fail_pct;
  if (auto f = a->get("fail-on-regression")) {
    char* end = nullptr;
    double v = std::strtod(f->c_str(), &end);
    if (f->empty() || *end != '\0' || !(v > 0) || v > 10000) {
      return make_error(
          ErrorKind::kUsage,
          "--fail-on-regression needs a percentage above 0 (e.g. 10), got '" + *f + "'");
    }
    fail_pct = v;
    if (baseline_mode == "save") {
      return make_error(ErrorKind::kUsage,
                        "--fail-on-regression compares with the baseline; it cannot be used with "
                        "--baseline save");
    }
  }
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  std::string baseline_path = a->get("baseline-file").value_or(perf_file(*cfg, "baseline.json"));
  if (!baseline_path.empty() && baseline_path[0] != '/') {
    baseline_path = ctx.cwd + "/" + baseline_path;
  }
  std::string history_path = perf_file(*cfg, "history.jsonl");

  // Read the baseline before measuring, so a broken one fails fast.
  std::optional<perf::RunRecord> baseline;
  if (baseline_mode != "save") {
    auto b = read_run_file(ctx, baseline_path);
    if (!b) return tl::unexpected(b.error());
    baseline = std::move(*b);
    if (!baseline && (baseline_mode == "compare" || fail_pct)) {
      return make_error(ErrorKind::kNotFound,
                        "no baseline at " + baseline_path +
                            " to compare with; record one first: hypergen perf benchmark "
                            "--baseline save");
    }
  }

  Progress progress(ctx, json_out);
  bo.progress = &progress;
  auto run = run_benchmark(ctx, *cfg, bo);
  progress.done();
  if (!run) return tl::unexpected(run.error());

  std::string notes;
  std::size_t history_runs = 0;
  std::string recovered;
  if (!a->has("no-history")) {
    auto dir = make_state_dir(ctx.fs, cfg->project_root, "perf");
    if (!dir) return tl::unexpected(dir.error());
    auto before = perf::append_history(ctx.fs, history_path, *run);
    if (!before) return tl::unexpected(before.error());
    history_runs = std::min(before->runs.size() + 1, perf::kMaxHistory);
    recovered = before->describe(history_path);
    if (!recovered.empty()) ctx.console.err("hypergen: warning: " + recovered + "\n");
    add_counter_totals(ctx, *cfg, run->counters);
  }
  bool saved = false;
  if (baseline_mode == "save") {
    auto slash = baseline_path.rfind('/');
    if (baseline_path.starts_with(state_dir(cfg->project_root) + "/")) {
      auto dir = make_state_dir(ctx.fs, cfg->project_root, "perf");
      if (!dir) return tl::unexpected(dir.error());
    } else if (slash != std::string::npos && slash > 0) {
      HG_RETURN_IF_ERROR(ctx.fs.make_dirs(baseline_path.substr(0, slash)));
    }
    HG_RETURN_IF_ERROR(
        perf::write_file_atomic(ctx.fs, baseline_path, perf::encode_run(*run) + "\n"));
    saved = true;
  }
  perf::RegressionRule rule;
  if (fail_pct) rule.min_effect_pct = *fail_pct;
  std::vector<perf::OpComparison> cmp;
  if (baseline) cmp = perf::compare_runs(*baseline, *run, rule);
  std::vector<const perf::OpComparison*> regressions;
  for (const auto& c : cmp) {
    if (c.comparison.verdict == perf::Verdict::kRegression) regressions.push_back(&c);
  }

  if (json_out) {
    json j;
    j["run"] = run_json(*run);
    j["baseline"] = baseline ? json{{"path", baseline_path}, {"time", baseline->time}} : json();
    j["comparison"] = baseline ? comparison_json(cmp) : json();
    json regs = json::array();
    for (const auto* r : regressions) regs.push_back(r->name);
    j["regressions"] = regs;
    j["rule"] = {{"test", "mann-whitney-u"},
                 {"alpha", rule.alpha},
                 {"min_effect_pct", rule.min_effect_pct},
                 {"min_effect_ns", rule.min_effect_ns}};
    j["baseline_saved"] = saved;
    j["history"] = a->has("no-history")
                       ? json()
                       : json{{"path", history_path},
                              {"runs", history_runs},
                              {"recovered", recovered.empty() ? json() : json(recovered)}};
    ctx.console.out(j.dump(2) + "\n");
  } else {
    std::string out = fmt::format("perf benchmark: {}\n{} iteration(s) after a warm-up{}{}\n\n",
                                  cfg->project_root, run->iterations,
                                  run->sample.empty() ? "" : ", sample generation " + run->sample,
                                  run->jobs > 0 ? fmt::format(", --jobs {}", run->jobs) : "");
    out += run_table(*run, baseline ? &cmp : nullptr);
    out += "\n";
    if (baseline) {
      out += fmt::format(
          "baseline: {} ({}); test: Mann-Whitney U, p < {}, and the median at least {:g}% and "
          "{:g} ms slower\n",
          baseline_path, baseline->time, rule.alpha, rule.min_effect_pct, rule.min_effect_ns / 1e6);
      if (regressions.empty()) {
        out += "no regression\n";
      } else {
        for (const auto* r : regressions) {
          out += fmt::format("REGRESSION {}: {} ms -> {} ms ({}, p={:.3g})\n", r->name,
                             fmt_ms(r->comparison.baseline_median),
                             fmt_ms(r->comparison.current_median), pct(r->comparison.change_pct),
                             r->comparison.p_value);
        }
      }
    } else if (!saved) {
      out += "no baseline yet (save one with --baseline save)\n";
    }
    if (saved) out += "saved as the baseline: " + baseline_path + "\n";
    if (!a->has("no-history")) {
      out += fmt::format("history: {} ({} run(s))\n", history_path, history_runs);
    }
    ctx.console.out(out);
  }
  if (fail_pct && !regressions.empty()) {
    std::string names;
    for (const auto* r : regressions) {
      if (!names.empty()) names += ", ";
      names += r->name + " " + pct(r->comparison.change_pct);
    }
    return make_error(ErrorKind::kFailure,
                      "perf benchmark: regression against the baseline: " + names);
  }
  return {};
}

// ---------------------------------------------------------------- status

Status perf_status(Context& ctx, std::span<const std::string> args) {
  static constexpr std::string_view kValues[] = {"baseline-file"};
  static constexpr std::string_view kFlags[] = {"json", "reset"};
  auto a = parse_perf_args(args, "status", kValues, kFlags);
  if (!a) return tl::unexpected(a.error());
  if (!a->positionals.empty()) {
    return make_error(ErrorKind::kUsage,
                      "perf status: unexpected argument '" + a->positionals[0] + "'");
  }
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  auto copts = cache_options(*cfg);
  if (!copts) return tl::unexpected(copts.error());
  if (a->has("reset")) HG_RETURN_IF_ERROR(reset_counter_totals(ctx, *cfg));

  std::vector<std::string> problems, regressions_found;
  // Index and disk cache.
  auto cs = cache::cache_status(ctx.fs, cfg->project_root, root_paths(*cfg), {});
  if (!cs) return tl::unexpected(cs.error());
  const index::IndexStatus& ix = cs->index;
  std::string freshness;
  if (cfg->templates.empty()) {
    freshness = "no templates";
  } else if (!ix.exists) {
    freshness = "missing";
    problems.push_back("no index yet: the first list/help builds it (or run perf optimize)");
  } else if (ix.file_status != index::FormatStatus::kOk) {
    freshness = "unusable";
    problems.push_back(std::string("the index is unusable (") +
                       std::string(index::format_status_name(ix.file_status)) +
                       "); run perf optimize to rebuild it");
  } else if (!ix.roots_match || ix.stale_generators > 0 || ix.stale_actions > 0) {
    freshness = "stale";
    problems.push_back(fmt::format(
        "the index is stale ({} generator(s), {} action(s) changed{}); it is refreshed on the "
        "next use, or run perf optimize",
        ix.stale_generators, ix.stale_actions, ix.roots_match ? "" : ", template roots changed"));
  } else {
    freshness = "fresh";
  }
  if (cs->objects.bytes > copts->disk_max_bytes) {
    problems.push_back(fmt::format("the disk cache ({}) is over its budget ({}); run perf optimize",
                                   human_bytes(cs->objects.bytes),
                                   human_bytes(copts->disk_max_bytes)));
  }
  std::optional<cache::DiskStore::Usage> shared;
  if (!copts->shared_dir.empty()) {
    cache::DiskStore store(ctx.fs, copts->shared_dir, cache::Access::kReadOnly);
    shared = store.usage();
  }
  // Counters since the last reset.
  std::string counters_problem;
  CounterTotals totals = read_counter_totals(ctx, *cfg, &counters_problem);
  if (!counters_problem.empty()) ctx.console.err("hypergen: warning: " + counters_problem + "\n");
  auto counter = [&](const char* k) {
    auto it = totals.counters.find(k);
    return it == totals.counters.end() ? std::uint64_t{0} : it->second;
  };
  std::uint64_t hits = counter("cache_hits"), misses = counter("cache_misses"),
                evictions = counter("cache_evictions");
  double lookups = static_cast<double>(hits + misses);
  double hit_rate = lookups > 0 ? static_cast<double>(hits) / lookups : -1;
  double miss_rate = lookups > 0 ? static_cast<double>(misses) / lookups : -1;
  double eviction_rate = lookups > 0 ? static_cast<double>(evictions) / lookups : -1;
  if (lookups >= 20 && hit_rate < 0.5) {
    problems.push_back(
        fmt::format("the cache hit rate is low ({:.0f}%); run perf optimize to "
                    "warm it",
                    hit_rate * 100));
  }
  // History and baseline.
  std::string history_path = perf_file(*cfg, "history.jsonl");
  auto history = perf::read_history(ctx.fs, history_path);
  if (!history) return tl::unexpected(history.error());
  std::string recovered = history->describe(history_path);
  if (!recovered.empty()) ctx.console.err("hypergen: warning: " + recovered + "\n");
  std::string baseline_path = a->get("baseline-file").value_or(perf_file(*cfg, "baseline.json"));
  if (!baseline_path.empty() && baseline_path[0] != '/') {
    baseline_path = ctx.cwd + "/" + baseline_path;
  }
  std::optional<perf::RunRecord> baseline;
  std::string baseline_problem;
  if (auto b = read_run_file(ctx, baseline_path); b) {
    baseline = std::move(*b);
  } else {
    baseline_problem = b.error().message;
    problems.push_back(baseline_problem);
  }
  const perf::RunRecord* last = history->runs.empty() ? nullptr : &history->runs.back();
  std::vector<perf::OpComparison> cmp;
  if (last && baseline) {
    cmp = perf::compare_runs(*baseline, *last, {});
    for (const auto& c : cmp) {
      if (c.comparison.verdict == perf::Verdict::kRegression) regressions_found.push_back(c.name);
    }
  }
  // Last scalability test.
  json last_test;
  if (auto t = ctx.fs.read_file(perf_file(*cfg, "last-test.json")); t) {
    last_test = json::parse(*t, nullptr, false);
    if (last_test.is_discarded() || !last_test.is_object()) last_test = json();
  }
  std::string verdict = !regressions_found.empty() ? "regressed"
                        : !problems.empty()        ? "attention"
                                                   : "healthy";

  if (a->has("json")) {
    json j;
    j["project"] = cfg->project_root;
    j["index"] = {{"freshness", freshness},
                  {"exists", ix.exists},
                  {"file_bytes", ix.file_size},
                  {"generators", ix.generators},
                  {"actions", ix.actions},
                  {"templates", ix.templates},
                  {"stale_generators", ix.stale_generators},
                  {"stale_actions", ix.stale_actions}};
    j["cache"] = {{"memory",
                   {{"policy", cache::policy_name(copts->policy)},
                    {"budget_bytes", copts->max_bytes},
                    {"policy_origin", cfg->cache.policy_origin}}},
                  {"disk",
                   {{"path", copts->local_dir},
                    {"entries", cs->objects.entries},
                    {"bytes", cs->objects.bytes},
                    {"budget_bytes", copts->disk_max_bytes}}},
                  {"shared", shared ? json{{"path", copts->shared_dir},
                                           {"entries", shared->entries},
                                           {"bytes", shared->bytes}}
                                    : json()}};
    json counters = json::object();
    for (const auto& [k, v] : totals.counters) counters[k] = v;
    j["counters"] = {{"since", totals.since.empty() ? json() : json(totals.since)},
                     {"runs", totals.runs},
                     {"values", counters},
                     {"hit_rate", hit_rate < 0 ? json() : json(hit_rate)},
                     {"miss_rate", miss_rate < 0 ? json() : json(miss_rate)},
                     {"eviction_rate", eviction_rate < 0 ? json() : json(eviction_rate)}};
    j["last_benchmark"] = last ? run_json(*last) : json();
    j["baseline"] = baseline ? json{{"path", baseline_path}, {"time", baseline->time}} : json();
    j["comparison"] = (last && baseline) ? comparison_json(cmp) : json();
    j["history"] = {{"path", history_path},
                    {"runs", history->runs.size()},
                    {"recovered", recovered.empty() ? json() : json(recovered)}};
    j["last_test"] = last_test.is_object() ? last_test : json();
    j["health"] = {
        {"verdict", verdict}, {"problems", problems}, {"regressions", regressions_found}};
    ctx.console.out(j.dump(2) + "\n");
    return {};
  }
  std::string out = "perf status: " + cfg->project_root + "\n";
  if (a->has("reset")) out += "counters reset\n";
  out += fmt::format("index: {}", freshness);
  if (ix.exists) {
    out += fmt::format(" ({} generators, {} actions, {} templates read, {})", ix.generators,
                       ix.actions, ix.templates, human_bytes(ix.file_size));
  }
  out += "\ncache:\n";
  out += fmt::format("  memory  policy {} ({}), budget {} per process\n",
                     cache::policy_name(copts->policy), cfg->cache.policy_origin,
                     human_bytes(copts->max_bytes));
  out += fmt::format("  disk    {} entries, {} of {} ({:.0f}%)\n", cs->objects.entries,
                     human_bytes(cs->objects.bytes), human_bytes(copts->disk_max_bytes),
                     copts->disk_max_bytes ? 100.0 * static_cast<double>(cs->objects.bytes) /
                                                 static_cast<double>(copts->disk_max_bytes)
                                           : 0.0);
  if (shared) {
    out += fmt::format("  shared  {}: {} entries, {}\n", copts->shared_dir, shared->entries,
                       human_bytes(shared->bytes));
  } else {
    out += "  shared  none\n";
  }
  if (totals.runs == 0 && totals.counters.empty()) {
    out += "counters: none recorded yet (perf benchmark, analyze and monitor record them)";
    out += totals.since.empty() ? "\n" : " since " + totals.since + "\n";
  } else {
    out += fmt::format("counters since {} ({} measured run(s)):\n", totals.since, totals.runs);
    auto rate = [](double r) { return r < 0 ? std::string("-") : fmt::format("{:.1f}%", r * 100); };
    out += fmt::format("  hits {} ({}), misses {} ({}), evictions {} ({})", hits, rate(hit_rate),
                       misses, rate(miss_rate), evictions, rate(eviction_rate));
    out += fmt::format(", disk hits {}, shared hits {}, index stats {}, rescanned {}\n",
                       counter("cache_disk_hits"), counter("cache_shared_hits"),
                       counter("index_stats"), counter("index_rescanned"));
  }
  if (last) {
    out += fmt::format("last benchmark: {} ({} iteration(s){})\n", last->time, last->iterations,
                       last->sample.empty() ? "" : ", sample " + last->sample);
    out += run_table(*last, baseline ? &cmp : nullptr);
    if (baseline) {
      out += "baseline: " + baseline->time + "\n";
    } else {
      out += "no baseline (perf benchmark --baseline save)\n";
    }
  } else {
    out += "last benchmark: none (run perf benchmark)\n";
  }
  out += fmt::format("history: {} run(s) in {}\n", history->runs.size(), history_path);
  if (last_test.is_object() && last_test.contains("time")) {
    out += "last test: " + last_test["time"].get<std::string>();
    if (last_test.contains("best_jobs") && last_test["best_jobs"].is_number()) {
      out += fmt::format(", best --jobs {}", last_test["best_jobs"].get<int>());
    }
    out += "\n";
  }
  out += "health: " + verdict + "\n";
  for (const auto& r : regressions_found) out += "  - regression in " + r + "\n";
  for (const auto& p : problems) out += "  - " + p + "\n";
  ctx.console.out(out);
  return {};
}

// ---------------------------------------------------------------- monitor

Status perf_monitor(Context& ctx, std::span<const std::string> args) {
  static constexpr std::string_view kValues[] = {"interval",   "count",     "budget",
                                                 "operations", "generator", "jobs"};
  static constexpr std::string_view kFlags[] = {"json"};
  auto a = parse_perf_args(args, "monitor", kValues, kFlags);
  if (!a) return tl::unexpected(a.error());
  if (!a->positionals.empty()) {
    return make_error(ErrorKind::kUsage,
                      "perf monitor: unexpected argument '" + a->positionals[0] + "'");
  }
  if (!a->get("interval")) {
    return make_error(ErrorKind::kUsage, "perf monitor: --interval MS is required");
  }
  auto interval = parse_int_option(*a, "interval", 1000, 1, 86400000);
  if (!interval) return tl::unexpected(interval.error());
  auto count = parse_int_option(*a, "count", 0, 1, 1000000);
  if (!count) return tl::unexpected(count.error());
  auto jobs = parse_int_option(*a, "jobs", 0, 1, 1024);
  if (!jobs) return tl::unexpected(jobs.error());
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  // Budgets: perf.budgets, then the flags (a flag wins for the same operation).
  std::vector<std::pair<std::string, double>> budgets;
  auto set_budget = [&](const std::string& op, double ms) {
    for (auto& b : budgets) {
      if (b.first == op) {
        b.second = ms;
        return;
      }
    }
    budgets.emplace_back(op, ms);
  };
  for (const auto& b : cfg->perf.budgets) {
    auto op = parse_operations(b.operation);
    if (!op || op->size() != 1) {
      return make_error(ErrorKind::kData,
                        "perf.budgets: unknown operation '" + b.operation + "' (" + b.origin + ")");
    }
    set_budget((*op)[0], b.ms);
  }
  for (const std::string& spec : a->all("budget")) {
    auto eq = spec.find('=');
    std::string name = spec.substr(0, eq == std::string::npos ? 0 : eq);
    auto op = parse_operations(name);
    char* end = nullptr;
    double ms = eq == std::string::npos ? 0 : std::strtod(spec.c_str() + eq + 1, &end);
    if (eq == std::string::npos || name.empty() || !op || op->size() != 1 || *end != '\0' ||
        !(ms > 0)) {
      return make_error(ErrorKind::kUsage,
                        "--budget needs OPERATION=MILLISECONDS (e.g. render=5), got '" + spec +
                            "'" + (op ? "" : ": " + op.error().message));
    }
    set_budget((*op)[0], ms);
  }
  BenchOptions bo;
  bo.iterations = 1;
  bo.jobs = *jobs;
  bo.sample = a->get("generator").value_or("");
  if (auto ops = a->get("operations")) {
    auto parsed = parse_operations(*ops);
    if (!parsed) return tl::unexpected(parsed.error());
    bo.operations = *parsed;
  }
  bool json_out = a->has("json");
  bool live = !json_out && ctx.console.stdout_is_tty();
  int alerts_total = 0;
  for (int sample = 1; *count == 0 || sample <= *count; ++sample) {
    auto started = std::chrono::steady_clock::now();
    bo.warmup = sample == 1;
    auto run = run_benchmark(ctx, *cfg, bo);
    if (!run) return tl::unexpected(run.error());
    add_counter_totals(ctx, *cfg, run->counters);
    std::vector<std::string> alerts;
    json alerts_json = json::array();
    std::string line = fmt::format("{} #{}", run->time.substr(11, 8), sample);
    json ops = json::object();
    for (const auto& op : run->ops) {
      double ms = op.summary().median / 1e6;
      ops[op.name] = ms;
      line += fmt::format("  {} {:.2f}", op.name, ms);
      for (const auto& [name, budget] : budgets) {
        if (name == op.name && ms > budget) {
          alerts.push_back(fmt::format("{} {:.2f} ms > budget {:g} ms", op.name, ms, budget));
          alerts_json.push_back({{"operation", op.name}, {"ms", ms}, {"budget_ms", budget}});
        }
      }
    }
    line += fmt::format("  ms  rss {} MB", fmt_mb(run->peak_rss_kb));
    alerts_total += static_cast<int>(alerts.size());
    if (json_out) {
      json j{{"sample", sample},
             {"time", run->time},
             {"ms", ops},
             {"peak_rss_kb", run->peak_rss_kb},
             {"alerts", alerts_json}};
      ctx.console.out(j.dump() + "\n");
    } else if (live) {
      ctx.console.out("\r\x1b[K" + line);
      for (const auto& al : alerts) ctx.console.out("\n  ALERT " + al + "\n");
    } else {
      ctx.console.out(line + "\n");
      for (const auto& al : alerts) ctx.console.out("  ALERT " + al + "\n");
    }
    if (*count != 0 && sample == *count) break;
    auto elapsed = std::chrono::steady_clock::now() - started;
    auto wait = std::chrono::milliseconds(*interval) - elapsed;
    if (wait > std::chrono::nanoseconds(0)) std::this_thread::sleep_for(wait);
  }
  if (live) ctx.console.out("\n");
  if (alerts_total > 0) {
    return make_error(
        ErrorKind::kFailure,
        fmt::format("perf monitor: {} budget alert(s) in {} sample(s)", alerts_total, *count));
  }
  return {};
}

// ---------------------------------------------------------------- export

Status perf_export(Context& ctx, std::span<const std::string> args) {
  static constexpr std::string_view kValues[] = {"output", "format", "plot", "baseline-file"};
  static constexpr std::string_view kFlags[] = {"json"};
  auto a = parse_perf_args(args, "export", kValues, kFlags);
  if (!a) return tl::unexpected(a.error());
  if (!a->positionals.empty()) {
    return make_error(ErrorKind::kUsage,
                      "perf export: unexpected argument '" + a->positionals[0] + "'");
  }
  auto output = a->get("output");
  if (!output || output->empty()) {
    return make_error(ErrorKind::kUsage, "perf export: --output FILE is required");
  }
  std::string format = a->get("format").value_or("");
  if (format.empty()) format = output->ends_with(".csv") ? "csv" : "json";
  if (format != "json" && format != "csv") {
    return make_error(ErrorKind::kUsage, "--format needs json or csv, got '" + format + "'");
  }
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  auto abs = [&](const std::string& p) { return p[0] == '/' ? p : ctx.cwd + "/" + p; };
  std::string history_path = perf_file(*cfg, "history.jsonl");
  auto history = perf::read_history(ctx.fs, history_path);
  if (!history) return tl::unexpected(history.error());
  std::string recovered = history->describe(history_path);
  if (!recovered.empty()) ctx.console.err("hypergen: warning: " + recovered + "\n");
  std::string baseline_path =
      abs(a->get("baseline-file").value_or(perf_file(*cfg, "baseline.json")));
  auto baseline = read_run_file(ctx, baseline_path);
  if (!baseline) return tl::unexpected(baseline.error());
  json last_test;
  if (auto t = ctx.fs.read_file(perf_file(*cfg, "last-test.json")); t) {
    last_test = json::parse(*t, nullptr, false);
    if (last_test.is_discarded() || !last_test.is_object()) {
      ctx.console.err("hypergen: warning: " + perf_file(*cfg, "last-test.json") +
                      " is unreadable; exported without it\n");
      last_test = json();
    }
  }
  auto copts = cache_options(*cfg);
  if (!copts) return tl::unexpected(copts.error());
  auto cs = cache::cache_status(ctx.fs, cfg->project_root, root_paths(*cfg), {});
  if (!cs) return tl::unexpected(cs.error());
  CounterTotals totals = read_counter_totals(ctx, *cfg, nullptr);

  std::string text;
  if (format == "json") {
    json j;
    j["schema"] = 1;
    j["generated_at"] = perf::utc_now_iso8601();
    j["project"] = cfg->project_root;
    json hist = json::array();
    for (const auto& r : history->runs) hist.push_back(run_json(r));
    j["history"] = hist;
    j["baseline"] = *baseline ? run_json(**baseline) : json();
    j["last_test"] = last_test;
    json counters = json::object();
    for (const auto& [k, v] : totals.counters) counters[k] = v;
    j["cache"] = {{"index",
                   {{"exists", cs->index.exists},
                    {"file_bytes", cs->index.file_size},
                    {"generators", cs->index.generators},
                    {"actions", cs->index.actions},
                    {"templates", cs->index.templates},
                    {"stale_generators", cs->index.stale_generators},
                    {"stale_actions", cs->index.stale_actions}}},
                  {"policy", cache::policy_name(copts->policy)},
                  {"memory_budget_bytes", copts->max_bytes},
                  {"disk",
                   {{"entries", cs->objects.entries},
                    {"bytes", cs->objects.bytes},
                    {"budget_bytes", copts->disk_max_bytes}}},
                  {"counters",
                   {{"since", totals.since.empty() ? json() : json(totals.since)},
                    {"runs", totals.runs},
                    {"values", counters}}}};
    text = j.dump(2) + "\n";
  } else {
    text =
        "section,time,scale,generators,templates,operation,n,min_ms,median_ms,p95_ms,max_ms,"
        "mad_ms,peak_rss_kb\n";
    auto row = [&](const std::string& section, const std::string& time, const std::string& scale,
                   const std::string& gens, const std::string& tmpls, const perf::OpResult& op) {
      perf::Summary s = op.summary();
      text += fmt::format("{},{},{},{},{},{},{},{:.4f},{:.4f},{:.4f},{:.4f},{:.4f},{}\n", section,
                          time, scale, gens, tmpls, op.name, s.n, s.min / 1e6, s.median / 1e6,
                          s.p95 / 1e6, s.max / 1e6, s.mad / 1e6, op.peak_rss_kb);
    };
    for (const auto& r : history->runs) {
      for (const auto& op : r.ops) row("history", r.time, "", "", "", op);
    }
    if (*baseline) {
      for (const auto& op : (*baseline)->ops) row("baseline", (*baseline)->time, "", "", "", op);
    }
    if (last_test.is_object() && last_test.contains("scales") && last_test["scales"].is_array()) {
      std::string time = last_test.value("time", "");
      for (const auto& sc : last_test["scales"]) {
        if (!sc.is_object() || !sc.contains("run")) continue;
        auto run = perf::decode_run(sc["run"].dump());
        if (!run) continue;
        for (const auto& op : run->ops) {
          row("test", time, sc.value("name", ""), std::to_string(sc.value("generators", 0)),
              std::to_string(sc.value("templates", 0)), op);
        }
      }
    }
  }
  std::string out_path = abs(*output);
  auto wrote = ctx.fs.write_file(out_path, text, false);
  if (!wrote) {
    return make_error(ErrorKind::kIo,
                      "perf export: cannot write " + out_path + ": " + wrote.error().message);
  }
  std::string plot_path;
  if (auto plot = a->get("plot")) {
    // The history as a trend: each operation's median per run.
    std::vector<perf::Series> series;
    for (auto name : kPerfOperations) {
      perf::Series s{std::string(name), {}};
      for (std::size_t i = 0; i < history->runs.size(); ++i) {
        if (const auto* op = history->runs[i].op(name)) {
          s.points.emplace_back(static_cast<double>(i + 1), op->summary().median / 1e6);
        }
      }
      if (!s.points.empty()) series.push_back(std::move(s));
    }
    perf::Panel panel{"benchmark history (median)", "run", "ms", false, true, series};
    plot_path = abs(*plot);
    auto svg =
        ctx.fs.write_file(plot_path, perf::render_svg("hypergen perf history", {panel}), false);
    if (!svg) {
      return make_error(ErrorKind::kIo,
                        "perf export: cannot write " + plot_path + ": " + svg.error().message);
    }
  }
  if (a->has("json")) {
    json j{{"output", out_path},
           {"format", format},
           {"history_runs", history->runs.size()},
           {"baseline", static_cast<bool>(*baseline)},
           {"last_test", last_test.is_object()},
           {"plot", plot_path.empty() ? json() : json(plot_path)}};
    ctx.console.out(j.dump(2) + "\n");
  } else {
    ctx.console.out(fmt::format("exported {} history run(s){}{} to {} ({}){}\n",
                                history->runs.size(), *baseline ? ", the baseline" : "",
                                last_test.is_object() ? ", the last test" : "", out_path, format,
                                plot_path.empty() ? "" : "; chart: " + plot_path));
  }
  return {};
}

}  // namespace hypergen::app
