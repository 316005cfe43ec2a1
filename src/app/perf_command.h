#pragma once
// `hypergen perf status|benchmark|test|analyze|optimize|monitor|export`: the
// performance lab (docs/performance.md). The handlers share perf_support.h;
// status, benchmark, monitor and export live in perf_command.cc, test,
// analyze and optimize in perf_lab.cc.

#include <span>
#include <string>

#include "app/context.h"
#include "util/result.h"

namespace hypergen::app {

inline constexpr char kPerfUsage[] =
    "Usage: hypergen perf SUBCOMMAND [options] [--json]\n"
    "\n"
    "  status [--reset]          index freshness, cache sizes per level and policy, cache\n"
    "                            hit/miss/eviction rates since the last reset, the last\n"
    "                            benchmark against the baseline, a health verdict\n"
    "  benchmark [--iterations N] [--operations a,b] [--baseline save|compare]\n"
    "            [--fail-on-regression PCT] [--generator G:A] [--jobs N]\n"
    "            [--baseline-file FILE] [--no-history]\n"
    "                            time the standard operations (startup, discover,\n"
    "                            index_load, resolve, params, render, plan, apply) on this\n"
    "                            workspace; appends to .hypergen/perf/history.jsonl and\n"
    "                            compares with the baseline (Mann-Whitney U + effect size);\n"
    "                            exit 1 on a regression with --fail-on-regression\n"
    "  test [--scales small,medium,large,enterprise,extreme] [--generators N]\n"
    "       [--templates M] [--iterations N] [--plot FILE.svg] [--keep]\n"
    "                            the scalability validator: synthetic workspaces in the\n"
    "                            temp folder, growth fitted, rated table, best --jobs\n"
    "  analyze [-- COMMAND ...]  run a command (default: list) with stage timings and\n"
    "                            cache counters; names the bottleneck and the fix\n"
    "  optimize [--dry]          build the index, warm the template cache, prune the cache\n"
    "                            to its budget, store the best --jobs as perf.jobs\n"
    "  monitor --interval MS [--count N] [--budget op=ms ...] [--operations a,b]\n"
    "                            sample the operations every interval; alert above a budget\n"
    "                            (flags or perf.budgets); exit 1 on an alert with --count\n"
    "  export --output FILE [--format json|csv] [--plot FILE.svg]\n"
    "                            history, baseline, last test and cache statistics\n"
    "                            (schema: docs/perf-export.md)\n"
    "\n"
    "Files: .hypergen/perf/{history.jsonl,baseline.json,last-test.json,counters.json}.\n";

// Runs any command line in-process (the CLI's dispatch), for `perf analyze`.
using CommandRunner = Status (*)(Context& ctx, std::span<const std::string> args);

Status perf_command(Context& ctx, std::span<const std::string> args, CommandRunner runner);

// The subcommands (args without the subcommand word).
Status perf_status(Context& ctx, std::span<const std::string> args);
Status perf_benchmark(Context& ctx, std::span<const std::string> args);
Status perf_monitor(Context& ctx, std::span<const std::string> args);
Status perf_export(Context& ctx, std::span<const std::string> args);
Status perf_test(Context& ctx, std::span<const std::string> args);
Status perf_analyze(Context& ctx, std::span<const std::string> args, CommandRunner runner);
Status perf_optimize(Context& ctx, std::span<const std::string> args);

}  // namespace hypergen::app
