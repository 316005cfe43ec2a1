#include "app/perf_support.h"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <nlohmann/json.hpp>

#include "app/generate.h"
#include "app/workspace.h"
#include "perf/process.h"
#include "perf/workspace_builder.h"
#include "util/state_dir.h"

namespace hypergen::app {

Result<std::vector<std::string>> parse_operations(std::string_view list) {
  std::vector<bool> wanted(kPerfOperations.size(), false);
  std::size_t pos = 0;
  bool any = false;
  while (pos <= list.size()) {
    std::size_t comma = list.find(',', pos);
    std::string word(
        list.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    while (!word.empty() && word.front() == ' ') word.erase(0, 1);
    while (!word.empty() && word.back() == ' ') word.pop_back();
    if (word == "index-load") word = "index_load";
    if (!word.empty()) {
      bool found = false;
      for (std::size_t i = 0; i < kPerfOperations.size(); ++i) {
        if (kPerfOperations[i] == word) {
          wanted[i] = true;
          found = any = true;
        }
      }
      if (!found) {
        std::string known;
        for (auto op : kPerfOperations) {
          if (!known.empty()) known += ", ";
          known += op;
        }
        return make_error(ErrorKind::kUsage,
                          "unknown operation '" + word + "' (known: " + known + ")");
      }
    }
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  if (!any) return make_error(ErrorKind::kUsage, "--operations needs at least one operation");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < kPerfOperations.size(); ++i) {
    if (wanted[i]) out.emplace_back(kPerfOperations[i]);
  }
  return out;
}

bool is_generation_stage(std::string_view op) {
  return op == "resolve" || op == "params" || op == "render" || op == "plan" || op == "apply";
}

std::optional<std::string> OverlayEnvironment::get(std::string_view name) const {
  auto it = values_.find(std::string(name));
  if (it != values_.end()) return it->second;
  return base_.get(name);
}

Progress::Progress(Context& ctx, bool quiet) : ctx_(ctx) {
  on_ = !quiet && ctx.console.stderr_is_tty();
}

Progress::~Progress() {
  done();
}

void Progress::update(std::string_view text) {
  if (!on_) return;
  ctx_.console.err("\r\x1b[K" + std::string(text));
  dirty_ = true;
}

void Progress::done() {
  if (on_ && dirty_) ctx_.console.err("\r\x1b[K");
  dirty_ = false;
}

Result<std::string> make_scratch_dir(Context& ctx, std::string_view what) {
  static std::atomic<int> counter{0};
  std::string base = ctx.env.get("TMPDIR").value_or("");
  if (base.empty()) base = "/tmp";
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  std::string dir = fmt::format("{}/hypergen-perf-{}-{}-{}", base, ::getpid(), counter++,
                                perf::SteadyClock().now_ns() % 1000000);
  auto made = ctx.fs.make_dirs(dir);
  if (!made) {
    return make_error(ErrorKind::kIo,
                      std::string(what) + ": cannot create a scratch folder in " + base +
                          " (set TMPDIR to a writable folder): " + made.error().message);
  }
  return dir;
}

std::string perf_file(const config::Config& cfg, std::string_view name) {
  return state_dir(cfg.project_root) + "/perf/" + std::string(name);
}

std::string fmt_ms(double ns) {
  if (ns < 0) return "-";
  return fmt::format("{:.2f}", ns / 1e6);
}

std::string fmt_mb(std::int64_t kb) {
  return fmt::format("{:.1f}", static_cast<double>(kb) / 1024.0);
}

std::map<std::string, std::uint64_t> counter_map(const MetricsSnapshot& snapshot) {
  std::map<std::string, std::uint64_t> out;
  for (std::size_t i = 0; i < static_cast<std::size_t>(Counter::kCount); ++i) {
    auto c = static_cast<Counter>(i);
    if (snapshot.count(c) != 0) out[std::string(counter_key(c))] = snapshot.count(c);
  }
  return out;
}

namespace {

// The sample action: `generator:action` as given, or the first action of the
// first generator (in Hygen's order) that has one.
Result<std::pair<std::string, std::string>> sample_action(Context& ctx, const config::Config& cfg,
                                                          const std::string& sample) {
  if (!sample.empty()) {
    auto colon = sample.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == sample.size()) {
      return make_error(
          ErrorKind::kUsage,
          "--generator needs GENERATOR:ACTION (e.g. component:new), got '" + sample + "'");
    }
    return std::make_pair(sample.substr(0, colon), sample.substr(colon + 1));
  }
  auto gens = generators(ctx, cfg);
  if (!gens) return tl::unexpected(gens.error());
  for (const auto& g : *gens) {
    for (const auto& a : g.actions) {
      // Not a package's action: the scratch project has only the project's roots.
      const config::TemplateRoot* root = config::root_of(cfg, a.path);
      if (a.is_dir && (!root || root->package.empty())) return std::make_pair(g.name, a.name);
    }
  }
  return make_error(ErrorKind::kNotFound,
                    "no generator with an action to benchmark (the generation stages need one; "
                    "pass --operations startup,discover,index_load or add templates)");
}

std::string quote_yaml(const std::string& s) {
  return nlohmann::json(s).dump();  // a JSON string is a valid YAML double-quoted scalar
}

}  // namespace

Result<perf::RunRecord> run_benchmark(Context& ctx, const config::Config& cfg,
                                      const BenchOptions& options) {
  perf::SteadyClock steady;
  perf::Clock& clock = options.clock != nullptr ? *options.clock : steady;
  std::vector<std::string> ops = options.operations;
  if (ops.empty()) ops.assign(kPerfOperations.begin(), kPerfOperations.end());
  int iterations = std::max(1, options.iterations);
  bool wants_generation = false, wants_tree = false;
  for (const auto& op : ops) {
    if (is_generation_stage(op)) wants_generation = true;
    if (op == "discover" || op == "index_load") wants_tree = true;
  }
  if ((wants_generation || wants_tree) && cfg.templates.empty()) {
    return make_error(ErrorKind::kNotFound,
                      "no templates to measure: no _templates folder here, no 'templates:' in "
                      "hypergen.yml and no $HYPERGEN_TMPLS (perf test measures synthetic "
                      "workspaces instead)");
  }
  perf::RunRecord run;
  run.time = perf::utc_now_iso8601();
  run.version = HYPERGEN_VERSION;
  run.workspace = cfg.project_root;
  run.iterations = iterations;
  run.jobs = options.jobs;
  Metrics totals;                            // counters of every in-process run
  const int first = options.warmup ? 0 : 1;  // iteration 0 is the warm-up
  auto progress = [&](const std::string& text) {
    if (options.progress != nullptr) options.progress->update(text);
  };
  auto add_op = [&](const std::string& name, std::vector<double> samples, std::int64_t rss) {
    run.ops.push_back({name, std::move(samples), rss});
  };
  auto add_counters = [&](const MetricsSnapshot& s) {
    for (std::size_t i = 0; i < static_cast<std::size_t>(Counter::kCount); ++i) {
      totals.add(static_cast<Counter>(i), s.counters[i]);
    }
  };
  auto want = [&](std::string_view op) {
    return std::find(ops.begin(), ops.end(), op) != ops.end();
  };

  if (want("startup")) {
    std::string self = perf::self_exe_path();
    if (self.empty()) return make_error(ErrorKind::kIo, "cannot find this program's own path");
    std::vector<double> samples;
    std::int64_t rss = 0;
    for (int i = first; i <= iterations; ++i) {
      progress(fmt::format("startup {}/{}", i, iterations));
      auto r = perf::run_process({self, "--version"}, "", clock, false);
      if (!r) return tl::unexpected(r.error());
      if (r->exit_code != 0) {
        return make_error(ErrorKind::kFailure,
                          fmt::format("{} --version exited with {}", self, r->exit_code));
      }
      if (i == 0) continue;  // warm-up
      samples.push_back(static_cast<double>(r->wall_ns));
      rss = std::max(rss, r->max_rss_kb);
    }
    add_op("startup", std::move(samples), rss);
  }
  if (want("discover")) {
    OverlayEnvironment env(ctx.env);
    env.set("HYPERGEN_NO_INDEX", "1");
    Metrics m;
    Context walk{ctx.fs, ctx.console, env, ctx.cwd, false, &m};
    std::vector<double> samples;
    for (int i = first; i <= iterations; ++i) {
      progress(fmt::format("discover {}/{}", i, iterations));
      std::int64_t t0 = clock.now_ns();
      auto g = generators(walk, cfg);
      std::int64_t t1 = clock.now_ns();
      if (!g) return tl::unexpected(g.error());
      if (i > 0) samples.push_back(static_cast<double>(t1 - t0));
    }
    add_counters(m.snapshot());
    add_op("discover", std::move(samples), perf::self_peak_rss_kb());
  }
  if (want("index_load")) {
    OverlayEnvironment env(ctx.env);
    env.unset("HYPERGEN_NO_INDEX");
    Metrics m;
    Context inner{ctx.fs, ctx.console, env, ctx.cwd, false, &m};
    std::vector<double> samples;
    for (int i = first; i <= iterations; ++i) {
      progress(fmt::format("index load {}/{}", i, iterations));
      std::int64_t t0 = clock.now_ns();
      auto loaded = load_index(inner, cfg, index::Depth::kGenerators);
      std::int64_t t1 = clock.now_ns();
      if (!loaded) {
        return make_error(ErrorKind::kIo,
                          "the index could not be loaded or built (an unwritable .hypergen/ "
                          "folder?); measure without it: --operations discover,…");
      }
      if (i > 0) samples.push_back(static_cast<double>(t1 - t0));
    }
    add_counters(m.snapshot());
    add_op("index_load", std::move(samples), perf::self_peak_rss_kb());
  }
  if (wants_generation) {
    auto sample = sample_action(ctx, cfg, options.sample);
    if (!sample) return tl::unexpected(sample.error());
    run.sample = sample->first + ":" + sample->second;
    auto scratch = make_scratch_dir(ctx, "perf benchmark");
    if (!scratch) return tl::unexpected(scratch.error());
    std::string yml = "# written by hypergen perf: a scratch project using these templates\n";
    yml += "templates:\n";
    // The project's own roots only: a generator package's code must not run
    // (as trusted) in the scratch project.
    for (const auto& r : cfg.templates) {
      if (r.package.empty()) yml += "  - " + quote_yaml(r.path) + "\n";
    }
    yml += std::string("conflict: ") + config::conflict_name(cfg.conflict) + "\n";
    if (cfg.perf.jobs > 0) yml += "perf:\n  jobs: " + std::to_string(cfg.perf.jobs) + "\n";
    OverlayEnvironment env(ctx.env);
    for (const char* v : {"HYPERGEN_TMPLS", "HYGEN_TMPLS", "HYPERGEN_OVERWRITE", "HYGEN_OVERWRITE",
                          "HYPERGEN_STATS", "HYPERGEN_FAULT"}) {
      env.unset(v);
    }
    env.set("HYGEN_TS", "1700000000000");
    std::array<std::vector<double>, 5> stage_samples;
    const std::array<Stage, 5> stages = {Stage::kResolve, Stage::kParams, Stage::kRender,
                                         Stage::kPlan, Stage::kApply};
    // One template cache for the whole loop, as a long-lived process would
    // keep: compiled templates are reused from the second generation on
    // (the `cache hits` of the counters).
    cache::Options template_cache_options;
    template_cache_options.local_dir.clear();
    cache::Cache template_cache(template_cache_options, nullptr);
    Status outcome;
    for (int i = first; i <= iterations && outcome; ++i) {
      progress(fmt::format("generation {}/{} ({})", i, iterations, run.sample));
      std::string dir = fmt::format("{}/run-{}", *scratch, i);
      auto made = ctx.fs.make_dirs(dir);
      if (!made) {
        outcome = tl::unexpected(made.error());
        break;
      }
      auto wrote = ctx.fs.write_file(dir + "/hypergen.yml", yml, false);
      if (!wrote) {
        outcome = tl::unexpected(wrote.error());
        break;
      }
      BufferConsole quiet;
      Metrics m;
      Context inner{ctx.fs, quiet, env, dir, false, &m, &template_cache};
      std::vector<std::string> argv = {sample->first, sample->second, "perfsample"};
      if (options.jobs > 0) {
        argv.push_back("--jobs");
        argv.push_back(std::to_string(options.jobs));
      }
      auto st = generate_command(inner, argv, {});
      if (!st) {
        Error e = st.error();
        e.message = "perf: the sample generation '" + run.sample + "' failed: " + e.message +
                    " (choose another with --generator GENERATOR:ACTION)";
        outcome = tl::unexpected(e);
        break;
      }
      MetricsSnapshot snap = m.snapshot();
      add_counters(snap);
      if (i == 0) continue;  // warm-up
      for (std::size_t s = 0; s < stages.size(); ++s) {
        stage_samples[s].push_back(static_cast<double>(snap.time_ns(stages[s])));
      }
    }
    (void)perf::remove_tree(ctx.fs, *scratch);
    if (!outcome) return tl::unexpected(outcome.error());
    std::int64_t rss = perf::self_peak_rss_kb();
    for (std::size_t s = 0; s < stages.size(); ++s) {
      std::string name(kPerfOperations[3 + s]);
      if (want(name)) add_op(name, std::move(stage_samples[s]), rss);
    }
  }
  // Keep the standard order whatever order they ran in.
  std::vector<perf::OpResult> ordered;
  for (auto name : kPerfOperations) {
    for (auto& op : run.ops) {
      if (op.name == name) ordered.push_back(std::move(op));
    }
  }
  run.ops = std::move(ordered);
  run.counters = counter_map(totals.snapshot());
  run.peak_rss_kb = perf::self_peak_rss_kb();
  for (const auto& op : run.ops) run.peak_rss_kb = std::max(run.peak_rss_kb, op.peak_rss_kb);
  if (options.progress != nullptr) options.progress->done();
  return run;
}

CounterTotals read_counter_totals(Context& ctx, const config::Config& cfg, std::string* problem) {
  CounterTotals t;
  std::string path = perf_file(cfg, "counters.json");
  auto text = ctx.fs.read_file(path);
  if (!text) return t;
  auto j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    if (problem) *problem = path + ": unreadable, counting again from zero";
    return t;
  }
  if (j.contains("since") && j["since"].is_string()) t.since = j["since"].get<std::string>();
  if (j.contains("runs") && j["runs"].is_number_unsigned()) t.runs = j["runs"].get<std::uint64_t>();
  if (j.contains("counters") && j["counters"].is_object()) {
    for (const auto& [k, v] : j["counters"].items()) {
      if (v.is_number_unsigned()) t.counters[k] = v.get<std::uint64_t>();
    }
  }
  return t;
}

namespace {

Status write_counter_totals(Context& ctx, const config::Config& cfg, const CounterTotals& t) {
  auto dir = make_state_dir(ctx.fs, cfg.project_root, "perf");
  if (!dir) return tl::unexpected(dir.error());
  nlohmann::json j;
  j["schema"] = 1;
  j["since"] = t.since;
  j["runs"] = t.runs;
  nlohmann::json c = nlohmann::json::object();
  for (const auto& [k, v] : t.counters) c[k] = v;
  j["counters"] = c;
  return perf::write_file_atomic(ctx.fs, perf_file(cfg, "counters.json"), j.dump(2) + "\n");
}

}  // namespace

void add_counter_totals(Context& ctx, const config::Config& cfg,
                        const std::map<std::string, std::uint64_t>& counters) {
  CounterTotals t = read_counter_totals(ctx, cfg, nullptr);
  if (t.since.empty()) t.since = perf::utc_now_iso8601();
  t.runs++;
  for (const auto& [k, v] : counters) t.counters[k] += v;
  (void)write_counter_totals(ctx, cfg, t);
}

Status reset_counter_totals(Context& ctx, const config::Config& cfg) {
  CounterTotals t;
  t.since = perf::utc_now_iso8601();
  return write_counter_totals(ctx, cfg, t);
}

bool PerfArgs::has(std::string_view flag) const {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

std::optional<std::string> PerfArgs::get(std::string_view name) const {
  std::optional<std::string> v;
  for (const auto& [k, val] : options) {
    if (k == name) v = val;
  }
  return v;
}

std::vector<std::string> PerfArgs::all(std::string_view name) const {
  std::vector<std::string> v;
  for (const auto& [k, val] : options) {
    if (k == name) v.push_back(val);
  }
  return v;
}

Result<PerfArgs> parse_perf_args(std::span<const std::string> args, std::string_view command,
                                 std::span<const std::string_view> value_options,
                                 std::span<const std::string_view> flag_names) {
  PerfArgs out;
  auto takes_value = [&](std::string_view n) {
    return std::find(value_options.begin(), value_options.end(), n) != value_options.end();
  };
  auto is_flag = [&](std::string_view n) {
    return std::find(flag_names.begin(), flag_names.end(), n) != flag_names.end();
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {
      out.rest.assign(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    }
    if (a.size() < 2 || a[0] != '-') {
      out.positionals.push_back(a);
      continue;
    }
    std::string name = a.substr(a[1] == '-' ? 2 : 1);
    std::optional<std::string> value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (takes_value(name)) {
      if (!value) {
        if (i + 1 >= args.size()) {
          return make_error(ErrorKind::kUsage,
                            fmt::format("perf {}: --{} needs a value", command, name));
        }
        value = args[++i];
      }
      out.options.emplace_back(name, *value);
    } else if (is_flag(name) && !value) {
      out.flags.push_back(name);
    } else {
      return make_error(
          ErrorKind::kUsage,
          fmt::format("perf {}: unknown option '{}' (see hypergen perf --help)", command, a));
    }
  }
  return out;
}

Result<int> parse_int_option(const PerfArgs& args, std::string_view name, int fallback, int lo,
                             int hi) {
  auto v = args.get(name);
  if (!v) return fallback;
  char* end = nullptr;
  long n = std::strtol(v->c_str(), &end, 10);
  if (v->empty() || *end != '\0' || n < lo || n > hi) {
    return make_error(ErrorKind::kUsage, fmt::format("--{} needs a whole number from {} to {}, got "
                                                     "'{}'",
                                                     name, lo, hi, *v));
  }
  return static_cast<int>(n);
}

}  // namespace hypergen::app
