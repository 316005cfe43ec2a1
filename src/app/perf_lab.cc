// `perf test` (the scalability validator), `perf analyze` and `perf optimize`.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/cache_command.h"
#include "app/list_command.h"
#include "app/perf_command.h"
#include "app/perf_support.h"
#include "app/workspace.h"
#include "cache/cache.h"
#include "cache/maintenance.h"
#include "perf/growth.h"
#include "perf/history.h"
#include "perf/process.h"
#include "perf/settings_edit.h"
#include "perf/svg.h"
#include "perf/workspace_builder.h"
#include "util/state_dir.h"

namespace hypergen::app {

using json = nlohmann::ordered_json;

namespace {

int core_count() {
  int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(cores, 1, 8);
}

// The original report's scale table (hypergen-v8 spec §6.3), used as the
// budget a scale is rated against: ms for a typical command, MB of memory.
struct Target {
  int templates;
  double ms, mb;
};
constexpr Target kTargets[] = {
    {50, 42, 25}, {500, 68, 52}, {2500, 89, 95}, {10000, 98, 145}, {25000, 156, 285}};

Target target_for(int templates) {
  for (const Target& t : kTargets) {
    if (templates <= t.templates) return t;
  }
  return kTargets[std::size(kTargets) - 1];
}

std::string rating(double ratio) {
  if (ratio <= 0.25) return "excellent";
  if (ratio <= 1.0) return "good";
  if (ratio <= 2.0) return "fair";
  return "poor";
}

double median_ns(const perf::RunRecord& run, std::string_view op) {
  const perf::OpResult* o = run.op(op);
  return o ? o->summary().median : -1;
}

// A typical command: start the process, load the index, generate.
double typical_ns(const perf::RunRecord& run) {
  double total = 0;
  for (auto op : kPerfOperations) {
    if (op == "discover") continue;  // the walk only happens without the index
    double m = median_ns(run, op);
    if (m > 0) total += m;
  }
  return total;
}

double generation_ns(const perf::RunRecord& run) {
  double total = 0;
  for (auto op : {"resolve", "params", "render", "plan", "apply"}) {
    double m = median_ns(run, op);
    if (m > 0) total += m;
  }
  return total;
}

// Runs `hypergen perf benchmark --json --no-history …` in `cwd` in a child
// process; its run and the child's peak RSS.
Result<std::pair<perf::RunRecord, std::int64_t>> child_benchmark(const std::string& self,
                                                                 const std::string& cwd,
                                                                 std::vector<std::string> extra) {
  std::vector<std::string> argv = {self, "perf", "benchmark", "--json", "--no-history"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  perf::SteadyClock clock;
  auto r = perf::run_process(argv, cwd, clock, true,
                             {"HYPERGEN_TMPLS", "HYGEN_TMPLS", "HYPERGEN_STATS",
                              "HYPERGEN_NO_INDEX", "HYPERGEN_OVERWRITE", "HYGEN_OVERWRITE"});
  if (!r) return tl::unexpected(r.error());
  if (r->exit_code != 0) {
    return make_error(ErrorKind::kFailure,
                      fmt::format("perf test: measuring {} failed (exit {}): {}", cwd, r->exit_code,
                                  r->err.empty() ? r->out : r->err));
  }
  auto j = json::parse(r->out, nullptr, false);
  if (j.is_discarded() || !j.contains("run")) {
    return make_error(ErrorKind::kFailure,
                      "perf test: unexpected output from the measuring "
                      "process: " +
                          r->out.substr(0, 200));
  }
  auto run = perf::decode_run(j["run"].dump());
  if (!run) return tl::unexpected(run.error());
  return std::make_pair(std::move(*run), r->max_rss_kb);
}

struct ScaleResult {
  perf::Scale scale;
  std::uint64_t files = 0;
  double build_ns = 0;
  perf::RunRecord run;
  std::int64_t rss_kb = 0;
};

}  // namespace

// ---------------------------------------------------------------- test

Status perf_test(Context& ctx, std::span<const std::string> args) {
  static constexpr std::string_view kValues[] = {"scales", "generators", "templates", "iterations",
                                                 "plot"};
  static constexpr std::string_view kFlags[] = {"json", "keep", "no-jobs"};
  auto a = parse_perf_args(args, "test", kValues, kFlags);
  if (!a) return tl::unexpected(a.error());
  if (!a->positionals.empty()) {
    return make_error(ErrorKind::kUsage,
                      "perf test: unexpected argument '" + a->positionals[0] + "'");
  }
  auto iterations = parse_int_option(*a, "iterations", 5, 1, 1000);
  if (!iterations) return tl::unexpected(iterations.error());
  std::vector<perf::Scale> scales;
  if (a->get("generators") || a->get("templates")) {
    if (a->get("scales")) {
      return make_error(ErrorKind::kUsage,
                        "perf test: use either --scales or --generators/--templates");
    }
    auto g = parse_int_option(*a, "generators", 10, 1, 100000);
    if (!g) return tl::unexpected(g.error());
    auto t = parse_int_option(*a, "templates", *g * 5, 0, 1000000);
    if (!t) return tl::unexpected(t.error());
    scales.push_back({"custom", *g, *t});
  } else {
    auto parsed =
        perf::parse_scales(a->get("scales").value_or("small,medium,large,enterprise,extreme"));
    if (!parsed) return tl::unexpected(parsed.error());
    scales = *parsed;
  }
  std::string self = perf::self_exe_path();
  if (self.empty()) return make_error(ErrorKind::kIo, "cannot find this program's own path");
  bool json_out = a->has("json");
  auto scratch = make_scratch_dir(ctx, "perf test");
  if (!scratch) return tl::unexpected(scratch.error());
  // A folder we can create but not write into (e.g. a read-only mount with a
  // writable parent is impossible, but permissions can differ): probe it.
  if (auto probe = ctx.fs.write_file(*scratch + "/.probe", "", false); !probe) {
    (void)perf::remove_tree(ctx.fs, *scratch);
    return make_error(ErrorKind::kIo,
                      "perf test: the temp folder is not writable: " + probe.error().message +
                          " (set TMPDIR to a writable folder)");
  }
  (void)ctx.fs.remove(*scratch + "/.probe");
  Progress progress(ctx, json_out);
  perf::SteadyClock clock;
  std::vector<ScaleResult> results;
  std::vector<std::pair<int, double>> jobs_tried;  // jobs → median render ns
  int best_jobs = 0;
  Status outcome;
  std::size_t largest = 0;
  for (std::size_t i = 1; i < scales.size(); ++i) {
    if (scales[i].templates > scales[largest].templates) largest = i;
  }
  for (std::size_t i = 0; i < scales.size() && outcome; ++i) {
    const perf::Scale& sc = scales[i];
    std::string ws = fmt::format("{}/{}-{}-{}", *scratch, sc.name, sc.generators, sc.templates);
    progress.update(
        fmt::format("perf test: building {} ({}/{})…", sc.name, sc.generators, sc.templates));
    if (auto made = ctx.fs.make_dirs(ws); !made) {
      outcome = tl::unexpected(made.error());
      break;
    }
    std::int64_t t0 = clock.now_ns();
    auto built = perf::build_workspace(ctx.fs, ws, sc.generators, sc.templates);
    std::int64_t t1 = clock.now_ns();
    if (!built) {
      outcome = make_error(ErrorKind::kIo, "perf test: cannot write the synthetic workspace in " +
                                               ws + ": " + built.error().message);
      break;
    }
    progress.update(fmt::format("perf test: measuring {} ({}/{}, {} iterations)…", sc.name,
                                sc.generators, sc.templates, *iterations));
    auto measured = child_benchmark(
        self, ws,
        {"--iterations", std::to_string(*iterations), "--generator",
         std::string(perf::kSampleGenerator) + ":" + std::string(perf::kSampleAction)});
    if (!measured) {
      outcome = tl::unexpected(measured.error());
      break;
    }
    results.push_back({sc, built->files, static_cast<double>(t1 - t0), std::move(measured->first),
                       measured->second});
    if (i == largest && !a->has("no-jobs")) {
      int cores = core_count();
      for (int j = 1; j <= cores && outcome; ++j) {
        progress.update(
            fmt::format("perf test: trying --jobs {} on {} templates…", j, perf::kBigTemplates));
        auto r = child_benchmark(
            self, ws,
            {"--iterations", std::to_string(*iterations), "--operations", "render", "--generator",
             std::string(perf::kBigGenerator) + ":" + std::string(perf::kBigAction), "--jobs",
             std::to_string(j)});
        if (!r) {
          outcome = tl::unexpected(r.error());
          break;
        }
        jobs_tried.emplace_back(j, median_ns(r->first, "render"));
      }
    }
    (void)perf::remove_tree(ctx.fs, ws);
  }
  progress.done();
  if (!a->has("keep")) (void)perf::remove_tree(ctx.fs, *scratch);
  if (!outcome) return tl::unexpected(outcome.error());
  double best = -1;
  for (auto [j, ns] : jobs_tried) {
    if (ns > 0 && (best < 0 || ns < best)) {
      best = ns;
      best_jobs = j;
    }
  }

  // Growth: each operation's median and the peak RSS against the number of
  // template files.
  std::vector<double> xs;
  // x is the scale's template count (the fixed 505 templates of the sample
  // and jobs actions are left out so the scales stay a factor 5-10 apart).
  for (const auto& r : results) xs.push_back(static_cast<double>(std::max(1, r.scale.templates)));
  json growth = json::object();
  std::vector<std::string> recommendations;
  std::vector<std::pair<std::string, perf::GrowthFit>> fits;
  for (auto op : kPerfOperations) {
    std::vector<double> ys;
    for (const auto& r : results) ys.push_back(median_ns(r.run, op));
    perf::GrowthFit f = perf::fit_growth(xs, ys);
    fits.emplace_back(std::string(op), f);
    growth[std::string(op)] = f.valid ? json{{"exponent", f.exponent},
                                             {"r2", f.r2},
                                             {"class", perf::growth_class(f.exponent)}}
                                      : json();
  }
  std::vector<double> mem;
  for (const auto& r : results) mem.push_back(static_cast<double>(r.rss_kb));
  perf::GrowthFit mem_fit = perf::fit_growth(xs, mem);
  growth["peak_rss"] = mem_fit.valid ? json{{"exponent", mem_fit.exponent},
                                            {"r2", mem_fit.r2},
                                            {"class", perf::growth_class(mem_fit.exponent)}}
                                     : json();
  // Recommendations.
  for (const auto& [op, f] : fits) {
    if (f.valid && perf::growth_class(f.exponent) == "superlinear") {
      recommendations.push_back(fmt::format(
          "{} grows superlinearly with the workspace (exponent {:.2f}): profile it with "
          "perf analyze on a large workspace",
          op, f.exponent));
    }
  }
  if (mem_fit.valid && perf::growth_class(mem_fit.exponent) == "superlinear") {
    recommendations.push_back(
        fmt::format("memory grows superlinearly (exponent {:.2f}); report it with perf export",
                    mem_fit.exponent));
  }
  if (!results.empty()) {
    const auto& big = results.back();
    double walk = median_ns(big.run, "discover"), idx = median_ns(big.run, "index_load");
    if (walk > 0 && idx > 0 && idx < walk) {
      recommendations.push_back(fmt::format(
          "keep the index enabled: at {} template files the tree walk takes {} ms and the index "
          "{} ms (do not set HYPERGEN_NO_INDEX)",
          big.files, fmt_ms(walk), fmt_ms(idx)));
    }
  }
  bool gen_flat = true;
  for (const auto& [op, f] : fits) {
    if (is_generation_stage(op) && f.valid && perf::growth_class(f.exponent) != "flat") {
      gen_flat = false;
    }
  }
  if (gen_flat && results.size() >= 2) {
    recommendations.push_back(
        "a generation costs the same whatever the workspace size (every generation stage is flat)");
  }
  if (best_jobs > 0) {
    recommendations.push_back(fmt::format(
        "the fastest --jobs for a {}-template action was {}: store it with hypergen perf optimize "
        "(perf.jobs in hypergen.yml)",
        perf::kBigTemplates, best_jobs));
  }

  // The record (last-test.json), the table, the chart.
  json scales_json = json::array();
  std::string table =
      fmt::format("{:<11} {:>13} {:>9} {:>9} {:>9} {:>9} {:>10} {:>8}  {}\n", "scale", "gens/tmpls",
                  "startup", "discover", "index", "gen 5", "typical", "RSS MB", "rating");
  for (const auto& r : results) {
    Target t = target_for(r.scale.templates);
    double typical = typical_ns(r.run);
    double ratio = std::max(typical / 1e6 / t.ms, static_cast<double>(r.rss_kb) / 1024.0 / t.mb);
    std::string rate = rating(ratio);
    table += fmt::format("{:<11} {:>13} {:>9} {:>9} {:>9} {:>9} {:>10} {:>8}  {}\n", r.scale.name,
                         fmt::format("{}/{}", r.scale.generators, r.scale.templates),
                         fmt_ms(median_ns(r.run, "startup")), fmt_ms(median_ns(r.run, "discover")),
                         fmt_ms(median_ns(r.run, "index_load")), fmt_ms(generation_ns(r.run)),
                         fmt_ms(typical), fmt_mb(r.rss_kb), rate);
    scales_json.push_back({{"name", r.scale.name},
                           {"generators", r.scale.generators},
                           {"templates", r.scale.templates},
                           {"files", r.files},
                           {"build_ms", r.build_ns / 1e6},
                           {"peak_rss_kb", r.rss_kb},
                           {"typical_ms", typical / 1e6},
                           {"generation_ms", generation_ns(r.run) / 1e6},
                           {"target_ms", t.ms},
                           {"target_mb", t.mb},
                           {"rating", rate},
                           {"run", json::parse(perf::encode_run(r.run))}});
  }
  json jobs_json = json::array();
  for (auto [j, ns] : jobs_tried)
    jobs_json.push_back({{"jobs", j}, {"render_median_ms", ns / 1e6}});
  json record{{"schema", 1},
              {"time", perf::utc_now_iso8601()},
              {"version", HYPERGEN_VERSION},
              {"iterations", *iterations},
              {"size_measure", "templates of the scale (generators' new actions)"},
              {"scales", scales_json},
              {"growth", growth},
              {"jobs", jobs_json},
              {"best_jobs", best_jobs > 0 ? json(best_jobs) : json()},
              {"recommendations", recommendations}};
  std::string plot_path;
  if (auto plot = a->get("plot")) {
    plot_path = (*plot)[0] == '/' ? *plot : ctx.cwd + "/" + *plot;
    perf::Panel time{"time per operation (median)", "templates", "ms", true, true, {}};
    for (auto op : kPerfOperations) {
      perf::Series s{std::string(op), {}};
      for (const auto& r : results) {
        double m = median_ns(r.run, op);
        if (m > 0)
          s.points.emplace_back(static_cast<double>(std::max(1, r.scale.templates)), m / 1e6);
      }
      if (!s.points.empty()) time.series.push_back(std::move(s));
    }
    perf::Panel memory{"peak memory", "templates", "MB", true, true, {}};
    perf::Series rss{"peak RSS", {}};
    for (const auto& r : results) {
      rss.points.emplace_back(static_cast<double>(std::max(1, r.scale.templates)),
                              static_cast<double>(r.rss_kb) / 1024.0);
    }
    memory.series.push_back(std::move(rss));
    auto wrote =
        ctx.fs.write_file(plot_path, perf::render_svg("hypergen perf test", {time, memory}), false);
    if (!wrote) {
      return make_error(ErrorKind::kIo, "perf test: cannot write the chart " + plot_path + ": " +
                                            wrote.error().message);
    }
    record["plot"] = plot_path;
  }
  // Best effort: keep it for perf status / export.
  std::string saved;
  if (auto cfg = load_project_config(ctx); cfg) {
    if (auto dir = make_state_dir(ctx.fs, cfg->project_root, "perf"); dir) {
      std::string path = perf_file(*cfg, "last-test.json");
      if (perf::write_file_atomic(ctx.fs, path, record.dump(2) + "\n")) saved = path;
    }
  }
  if (json_out) {
    record["saved"] = saved.empty() ? json() : json(saved);
    ctx.console.out(record.dump(2) + "\n");
    return {};
  }
  std::string out = fmt::format(
      "perf test: {} scale(s), {} iteration(s) each, median ms per operation; typical = startup + "
      "index load + generation of 5 templates; rated against the original report's targets\n\n",
      results.size(), *iterations);
  out += table;
  out += "\ngrowth with the number of templates (y = c·x^k, least squares on log-log):\n";
  for (const auto& [op, f] : fits) {
    if (!f.valid) continue;
    out += fmt::format("  {:<11} k = {:>5.2f}  {:<11} (r² {:.2f})\n", op, f.exponent,
                       perf::growth_class(f.exponent), f.r2);
  }
  if (mem_fit.valid) {
    out += fmt::format("  {:<11} k = {:>5.2f}  {:<11} (r² {:.2f})\n", "peak RSS", mem_fit.exponent,
                       perf::growth_class(mem_fit.exponent), mem_fit.r2);
  }
  if (results.size() < 2) out += "  (needs two scales or more)\n";
  if (!jobs_tried.empty()) {
    out +=
        fmt::format("\n--jobs on a {}-template action (render, median ms):", perf::kBigTemplates);
    for (auto [j, ns] : jobs_tried) out += fmt::format("  {}: {}", j, fmt_ms(ns));
    out += fmt::format("  → best {}\n", best_jobs);
  }
  if (!recommendations.empty()) {
    out += "\nrecommendations:\n";
    for (const auto& r : recommendations) out += "  - " + r + "\n";
  }
  if (!plot_path.empty()) out += "\nchart: " + plot_path + "\n";
  if (a->has("keep")) out += "workspaces kept in " + *scratch + "\n";
  ctx.console.out(out);
  return {};
}

// ---------------------------------------------------------------- analyze

namespace {

std::string stage_advice(Stage s, const MetricsSnapshot& snap) {
  switch (s) {
    case Stage::kDiscover:
      return "the template tree walk: let the index answer (unset HYPERGEN_NO_INDEX, run "
             "hypergen perf optimize to build it) and keep large non-template folders out of "
             "the roots with a .hypergenignore";
    case Stage::kIndexBuild:
      return "the index was (re)built during the command: run hypergen perf optimize once so "
             "later commands only load it";
    case Stage::kIndexValidate:
      return fmt::format(
          "validating the index took {} stat() calls: expected on a cold disk "
          "cache; on a network file system keep the templates local",
          snap.count(Counter::kIndexStats));
    case Stage::kIndexLoad:
      return "reading the index file: run hypergen perf optimize to compact it (rebuild)";
    case Stage::kResolve:
      return "resolving the generator and ordering templates: many sibling actions or deep "
             "sub-action folders cost here";
    case Stage::kParams:
      return "building the template variables: long argument lists cost here";
    case Stage::kRender:
      return fmt::format(
          "rendering {} template(s): try --jobs (hypergen perf optimize finds and "
          "stores the fastest), and move heavy loops or filters out of templates",
          snap.count(Counter::kTemplatesRendered));
    case Stage::kPlan:
      return "planning reads every target file and folds injections: large target files or "
             "many injections cost here";
    case Stage::kApply:
      return "writing the files (one transaction): a slow disk, HYPERGEN_FSYNC=1 or many files";
    default:
      return "";
  }
}

}  // namespace

Status perf_analyze(Context& ctx, std::span<const std::string> args, CommandRunner runner) {
  static constexpr std::string_view kFlags[] = {"json"};
  auto a = parse_perf_args(args, "analyze", {}, kFlags);
  if (!a) return tl::unexpected(a.error());
  if (!a->positionals.empty()) {
    return make_error(ErrorKind::kUsage,
                      "perf analyze: put the command after '--' (e.g. hypergen perf analyze -- "
                      "component new --name X --dry)");
  }
  std::vector<std::string> command = a->rest;
  if (command.empty()) command = {"list"};
  if (command[0] == "perf") {
    return make_error(ErrorKind::kUsage, "perf analyze: cannot analyze a perf command");
  }
  if (runner == nullptr) return make_error(ErrorKind::kFailure, "perf analyze: no command runner");
  bool json_out = a->has("json");
  Metrics metrics;
  BufferConsole captured;
  Context inner{ctx.fs, captured, ctx.env, ctx.cwd, false, &metrics};
  perf::SteadyClock clock;
  std::int64_t t0 = clock.now_ns();
  Status st = runner(inner, command);
  std::int64_t wall = clock.now_ns() - t0;
  MetricsSnapshot snap = metrics.snapshot();
  std::int64_t rss = perf::self_peak_rss_kb();
  if (auto cfg = load_project_config(ctx); cfg) add_counter_totals(ctx, *cfg, counter_map(snap));

  std::int64_t staged = 0;
  Stage bottleneck = Stage::kCount;
  for (std::size_t i = 0; i < static_cast<std::size_t>(Stage::kCount); ++i) {
    auto s = static_cast<Stage>(i);
    staged += snap.time_ns(s);
    if (snap.calls(s) > 0 &&
        (bottleneck == Stage::kCount || snap.time_ns(s) > snap.time_ns(bottleneck))) {
      bottleneck = s;
    }
  }
  std::int64_t other = std::max<std::int64_t>(0, wall - staged);
  std::vector<std::string> advice;
  std::string bottleneck_name = "other";
  std::string bottleneck_advice;
  std::int64_t bottleneck_ns = other;
  if (bottleneck != Stage::kCount && snap.time_ns(bottleneck) >= other) {
    bottleneck_name = std::string(stage_name(bottleneck));
    bottleneck_ns = snap.time_ns(bottleneck);
    bottleneck_advice = stage_advice(bottleneck, snap);
  } else {
    bottleneck_advice =
        "time outside the pipeline stages: argument parsing, output (long --dry diffs) and, for "
        "a new process, start-up (measure it with hypergen perf benchmark --operations startup)";
  }
  advice.push_back(bottleneck_advice);
  double hit_rate = snap.cache_hit_rate();
  std::uint64_t lookups = snap.count(Counter::kCacheHits) + snap.count(Counter::kCacheMisses);
  if (lookups > 0 && hit_rate < 0.5) {
    advice.push_back(
        fmt::format("the cache missed {} of {} lookups: run hypergen perf optimize to "
                    "warm it",
                    snap.count(Counter::kCacheMisses), lookups));
  }
  if (snap.count(Counter::kIndexRescanned) > 0) {
    advice.push_back(
        fmt::format("{} generator(s)/action(s) were re-read because the index was "
                    "stale: hypergen perf optimize refreshes it",
                    snap.count(Counter::kIndexRescanned)));
  }
  if (snap.calls(Stage::kDiscover) > 0 && snap.calls(Stage::kIndexLoad) == 0 &&
      command[0] == "list") {
    advice.push_back(
        "list walked the tree instead of loading the index (HYPERGEN_NO_INDEX set, "
        "or the index could not be written)");
  }
  double share = wall > 0 ? static_cast<double>(bottleneck_ns) / static_cast<double>(wall) : 0;

  std::string joined;
  for (const auto& c : command) {
    if (!joined.empty()) joined += ' ';
    joined += c;
  }
  if (json_out) {
    json stages = json::object();
    for (std::size_t i = 0; i < static_cast<std::size_t>(Stage::kCount); ++i) {
      auto s = static_cast<Stage>(i);
      stages[std::string(stage_key(s))] = {
          {"ms", snap.time_ns(s) / 1e6},
          {"calls", snap.calls(s)},
          {"share",
           wall > 0 ? static_cast<double>(snap.time_ns(s)) / static_cast<double>(wall) : 0}};
    }
    json counters = json::object();
    for (const auto& [k, v] : counter_map(snap)) counters[k] = v;
    json j{
        {"command", command},
        {"ok", static_cast<bool>(st)},
        {"error", st ? json() : json(st.error().message)},
        {"wall_ms", wall / 1e6},
        {"other_ms", other / 1e6},
        {"peak_rss_kb", rss},
        {"stages", stages},
        {"counters", counters},
        {"cache_hit_rate", hit_rate < 0 ? json() : json(hit_rate)},
        {"bottleneck", {{"stage", bottleneck_name}, {"ms", bottleneck_ns / 1e6}, {"share", share}}},
        {"advice", advice},
        {"output", captured.out_text()}};
    ctx.console.out(j.dump(2) + "\n");
    if (!captured.err_text().empty()) ctx.console.err(captured.err_text());
  } else {
    ctx.console.out(captured.out_text());
    if (!captured.err_text().empty()) ctx.console.err(captured.err_text());
    std::string out = "\nperf analyze: " + joined + "\n" + format_stats_table(snap);
    out += fmt::format("\nbottleneck: {} ({} ms, {:.0f}% of {} ms)\n", bottleneck_name,
                       fmt_ms(static_cast<double>(bottleneck_ns)), share * 100,
                       fmt_ms(static_cast<double>(wall)));
    for (const auto& ad : advice) out += "  - " + ad + "\n";
    ctx.console.out(out);
  }
  return st;
}

// ---------------------------------------------------------------- optimize

Status perf_optimize(Context& ctx, std::span<const std::string> args) {
  static constexpr std::string_view kFlags[] = {"json", "dry"};
  auto a = parse_perf_args(args, "optimize", {}, kFlags);
  if (!a) return tl::unexpected(a.error());
  if (!a->positionals.empty()) {
    return make_error(ErrorKind::kUsage,
                      "perf optimize: unexpected argument '" + a->positionals[0] + "'");
  }
  bool dry = a->has("dry");
  bool json_out = a->has("json");
  auto cfg = load_project_config(ctx);
  if (!cfg) return tl::unexpected(cfg.error());
  if (cfg->templates.empty()) {
    return make_error(ErrorKind::kNotFound,
                      "perf optimize: no templates here: no _templates folder, no 'templates:' "
                      "in hypergen.yml and no $HYPERGEN_TMPLS");
  }
  auto copts = cache_options(*cfg);
  if (!copts) return tl::unexpected(copts.error());
  auto roots = root_paths(*cfg);
  json steps = json::array();
  std::vector<std::string> lines;
  Progress progress(ctx, json_out);
  perf::SteadyClock clock;
  auto load_ms = [&]() {
    // Median of three warm `list`-depth loads, without writing.
    std::vector<double> v;
    index::Options o;
    o.persist = index::Persist::kNo;
    for (int i = 0; i < 3; ++i) {
      std::int64_t t0 = clock.now_ns();
      auto l = index::load_or_build(ctx.fs, cfg->project_root, roots, o, nullptr);
      if (!l) return -1.0;
      v.push_back(static_cast<double>(clock.now_ns() - t0));
    }
    return perf::median(v) / 1e6;
  };

  // 1. The index.
  progress.update("perf optimize: checking the index…");
  auto before = cache::cache_status(ctx.fs, cfg->project_root, roots, {});
  if (!before) return tl::unexpected(before.error());
  const index::IndexStatus& ix = before->index;
  bool index_ok = ix.exists && ix.file_status == index::FormatStatus::kOk && ix.roots_match &&
                  ix.stale_generators == 0 && ix.stale_actions == 0 &&
                  ix.scanned_actions == ix.actions;
  std::string why =
      !ix.exists ? "missing"
      : ix.file_status != index::FormatStatus::kOk
          ? "unusable (" + std::string(index::format_status_name(ix.file_status)) + ")"
      : !ix.roots_match || ix.stale_generators || ix.stale_actions ? "stale"
      : ix.scanned_actions != ix.actions ? fmt::format("{} of {} actions not read yet",
                                                       ix.actions - ix.scanned_actions, ix.actions)
                                         : "fresh";
  double load_before = ix.exists ? load_ms() : -1;
  if (index_ok) {
    lines.push_back(fmt::format("index: fresh and complete ({} templates, {} bytes), left as is",
                                ix.templates, ix.file_size));
    steps.push_back({{"step", "index"}, {"action", "none"}, {"state", why}});
  } else if (dry) {
    lines.push_back("index: " + why + " → would rebuild it (every generator, action and template)");
    steps.push_back({{"step", "index"}, {"action", "rebuild"}, {"state", why}, {"done", false}});
  } else {
    progress.update("perf optimize: rebuilding the index…");
    auto rebuilt = cache::cache_rebuild(ctx.fs, cfg->project_root, roots, {}, nullptr);
    if (!rebuilt) return tl::unexpected(rebuilt.error());
    auto after = cache::cache_status(ctx.fs, cfg->project_root, roots, {});
    if (!after) return tl::unexpected(after.error());
    double load_after = load_ms();
    lines.push_back(fmt::format(
        "index: {} → rebuilt ({} → {} bytes, {} templates; warm load {} → {} ms){}", why,
        ix.file_size, after->index.file_size, after->index.templates,
        load_before < 0 ? std::string("-") : fmt::format("{:.2f}", load_before),
        fmt::format("{:.2f}", load_after),
        rebuilt->report.written ? "" : " — not written: .hypergen/cache is not writable"));
    steps.push_back({{"step", "index"},
                     {"action", "rebuild"},
                     {"state", why},
                     {"done", rebuilt->report.written},
                     {"bytes_before", ix.file_size},
                     {"bytes_after", after->index.file_size},
                     {"load_ms_before", load_before < 0 ? json() : json(load_before)},
                     {"load_ms_after", load_after}});
  }

  // 2. Precompile: parse every template once and cache what `help` needs.
  // (A dry run walks the tree so that not even the index is written.)
  OverlayEnvironment walk_env(ctx.env);
  if (dry) walk_env.set("HYPERGEN_NO_INDEX", "1");
  Context lister{ctx.fs, ctx.console, walk_env, ctx.cwd, false, nullptr};
  auto gens = generators(lister, *cfg);
  if (!gens) return tl::unexpected(gens.error());
  if (dry) {
    lines.push_back(
        fmt::format("templates: would parse the templates of {} generator(s) and "
                    "cache their variables (.hypergen/cache/objects)",
                    gens->size()));
    steps.push_back({{"step", "precompile"},
                     {"action", "warm"},
                     {"generators", gens->size()},
                     {"done", false}});
  } else {
    std::uint64_t entries_before = before->objects.entries;
    std::vector<std::string> broken;
    std::size_t n = 0;
    for (const auto& g : *gens) {
      progress.update(
          fmt::format("perf optimize: compiling templates ({}/{})…", ++n, gens->size()));
      BufferConsole quiet;
      Context inner{ctx.fs, quiet, ctx.env, ctx.cwd, false, nullptr};
      if (auto h = generator_help(inner, g.name); !h)
        broken.push_back(g.name + ": " + h.error().message);
    }
    auto after = cache::cache_status(ctx.fs, cfg->project_root, roots, {});
    std::uint64_t entries_after = after ? after->objects.entries : entries_before;
    lines.push_back(fmt::format(
        "templates: parsed the templates of {} generator(s); cached "
        "entries {} → {}{}",
        gens->size(), entries_before, entries_after,
        broken.empty() ? "" : fmt::format(" ({} generator(s) with errors)", broken.size())));
    for (const auto& b : broken) lines.push_back("  warning: " + b);
    steps.push_back({{"step", "precompile"},
                     {"action", "warm"},
                     {"generators", gens->size()},
                     {"entries_before", entries_before},
                     {"entries_after", entries_after},
                     {"errors", broken},
                     {"done", true}});
  }

  // 3. Prune the disk cache to its budget.
  {
    auto usage = cache::cache_status(ctx.fs, cfg->project_root, roots, {});
    if (!usage) return tl::unexpected(usage.error());
    std::uint64_t b = usage->objects.bytes;
    if (b <= copts->disk_max_bytes) {
      lines.push_back(fmt::format("cache: {} bytes in {} entries, within the budget of {} bytes", b,
                                  usage->objects.entries, copts->disk_max_bytes));
      steps.push_back({{"step", "prune"},
                       {"action", "none"},
                       {"bytes", b},
                       {"budget_bytes", copts->disk_max_bytes}});
    } else if (dry) {
      lines.push_back(
          fmt::format("cache: {} bytes over the budget of {} → would prune the oldest "
                      "entries",
                      b, copts->disk_max_bytes));
      steps.push_back(
          {{"step", "prune"}, {"action", "prune"}, {"bytes_before", b}, {"done", false}});
    } else {
      cache::Cache c(*copts, &ctx.fs);
      c.prune_to_budget();
      auto after = cache::cache_status(ctx.fs, cfg->project_root, roots, {});
      std::uint64_t b2 = after ? after->objects.bytes : b;
      lines.push_back(
          fmt::format("cache: pruned {} → {} bytes (budget {})", b, b2, copts->disk_max_bytes));
      steps.push_back({{"step", "prune"},
                       {"action", "prune"},
                       {"bytes_before", b},
                       {"bytes_after", b2},
                       {"done", true}});
    }
  }

  // 4. The best --jobs, tried on the largest action.
  {
    std::string biggest;
    std::size_t biggest_count = 0;
    index::Options full;
    full.depth = index::Depth::kFull;
    full.persist = dry ? index::Persist::kNo : index::Persist::kYes;
    if (auto loaded = index::load_or_build(ctx.fs, cfg->project_root, roots, full, nullptr)) {
      const index::Index& idx = loaded->index;
      for (std::size_t i = 0; i < idx.action_count(); ++i) {
        index::ActionView av = idx.action(i);
        if (!av.is_dir) continue;
        if (av.template_count > biggest_count) {
          biggest_count = av.template_count;
          biggest = std::string(idx.generator(av.generator).name) + ":" + std::string(av.name);
        }
      }
    }
    int cores = core_count();
    if (cores < 2) {
      lines.push_back("jobs: one core: nothing to choose");
      steps.push_back({{"step", "jobs"}, {"action", "none"}, {"reason", "one core"}});
    } else if (biggest_count < 20) {
      lines.push_back(
          fmt::format("jobs: the largest action has {} template(s), too few for threads "
                      "to matter; perf.jobs left as is",
                      biggest_count));
      steps.push_back(
          {{"step", "jobs"}, {"action", "none"}, {"largest_action_templates", biggest_count}});
    } else if (dry) {
      lines.push_back(
          fmt::format("jobs: would time the render of {} ({} templates) with --jobs 1…{} "
                      "and store the fastest as perf.jobs",
                      biggest, biggest_count, cores));
      steps.push_back(
          {{"step", "jobs"}, {"action", "measure"}, {"sample", biggest}, {"done", false}});
    } else {
      json tried = json::array();
      int best = 0;
      double best_ns = -1;
      for (int j = 1; j <= cores; ++j) {
        progress.update(fmt::format("perf optimize: timing --jobs {} on {}…", j, biggest));
        BenchOptions bo;
        bo.iterations = 5;
        bo.operations = {"render"};
        bo.sample = biggest;
        bo.jobs = j;
        auto run = run_benchmark(ctx, *cfg, bo);
        if (!run) return tl::unexpected(run.error());
        double ns = median_ns(*run, "render");
        tried.push_back({{"jobs", j}, {"render_median_ms", ns / 1e6}});
        if (best_ns < 0 || ns < best_ns) {
          best_ns = ns;
          best = j;
        }
      }
      std::string file =
          cfg->config_file.empty() ? cfg->project_root + "/hypergen.yml" : cfg->config_file;
      std::string what;
      if (cfg->perf.jobs == best) {
        what = fmt::format("jobs: {} is already the fastest ({} ms for {}); left as is", best,
                           fmt_ms(best_ns), biggest);
      } else {
        std::string old_text;
        if (!cfg->config_file.empty()) {
          auto t = ctx.fs.read_file(file);
          if (!t) return tl::unexpected(t.error());
          old_text = *t;
        }
        auto edited = file.ends_with(".json") ? perf::set_json_perf_jobs(old_text, best)
                                              : perf::set_yaml_perf_jobs(old_text, best);
        if (!edited) {
          Error e = edited.error();
          e.where.file = file;
          return tl::unexpected(e);
        }
        HG_RETURN_IF_ERROR(perf::write_file_atomic(ctx.fs, file, *edited));
        auto check = load_project_config(ctx);
        if (!check || check->perf.jobs != best) {
          if (cfg->config_file.empty()) {
            (void)ctx.fs.remove(file);
          } else {
            (void)perf::write_file_atomic(ctx.fs, file, old_text);
          }
          return make_error(ErrorKind::kFailure,
                            "perf optimize: writing perf.jobs to " + file +
                                " did not give a valid setting; the file was restored (set "
                                "perf.jobs: " +
                                std::to_string(best) + " by hand)");
        }
        what = fmt::format(
            "jobs: fastest render of {} with --jobs {} ({} ms); perf.jobs {} → {} in {}", biggest,
            best, fmt_ms(best_ns), cfg->perf.jobs > 0 ? std::to_string(cfg->perf.jobs) : "unset",
            best, file);
      }
      lines.push_back(what);
      steps.push_back({{"step", "jobs"},
                       {"action", cfg->perf.jobs == best ? "none" : "store"},
                       {"sample", biggest},
                       {"tried", tried},
                       {"best", best},
                       {"before", cfg->perf.jobs > 0 ? json(cfg->perf.jobs) : json()},
                       {"file", file},
                       {"done", true}});
    }
  }
  progress.done();
  if (json_out) {
    ctx.console.out(json{{"dry", dry}, {"project", cfg->project_root}, {"steps", steps}}.dump(2) +
                    "\n");
  } else {
    std::string out = std::string("perf optimize") + (dry ? " (dry run: nothing changed)" : "") +
                      ": " + cfg->project_root + "\n";
    for (const auto& l : lines) out += "  " + l + "\n";
    ctx.console.out(out);
  }
  return {};
}

}  // namespace hypergen::app
