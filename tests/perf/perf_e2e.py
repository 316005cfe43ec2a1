#!/usr/bin/env python3
"""End-to-end tests of `hypergen perf …` on the real binary.

Usage: perf_e2e.py HYPERGEN CASE. Each case builds a small project in a fresh
temp folder (templates under _templates/), runs perf subcommands and checks
exit codes, the JSON structure and that the numbers are sane (positive,
ordered min <= median <= p95 <= max, counts as asked). No wall-clock limit is
asserted anywhere.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1])
OPS = ["startup", "discover", "index_load", "resolve", "params", "render", "plan", "apply"]


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def run(args, cwd, env=None, code=0):
    e = dict(os.environ, NO_COLOR="1", TZ="UTC")
    for k in ("HYPERGEN_TMPLS", "HYGEN_TMPLS", "HYPERGEN_STATS", "HYPERGEN_NO_INDEX"):
        e.pop(k, None)
    e.update(env or {})
    p = subprocess.run([BIN] + args, cwd=cwd, env=e, stdin=subprocess.DEVNULL,
                       capture_output=True, text=True)
    if code is not None and p.returncode != code:
        fail("%s: exit %d, expected %d\nstdout: %s\nstderr: %s"
             % (" ".join(args), p.returncode, code, p.stdout[-2000:], p.stderr[-2000:]))
    return p


def run_json(args, cwd, env=None, code=0):
    p = run(args + ["--json"], cwd, env, code)
    try:
        return json.loads(p.stdout)
    except ValueError:
        fail("not JSON: %s" % p.stdout[:500])


def project(templates=2, extra_action=0):
    d = tempfile.mkdtemp(prefix="perf-e2e-")
    t = os.path.join(d, "_templates")
    for i in range(templates):
        os.makedirs(os.path.join(t, "comp", "new"), exist_ok=True)
        with open(os.path.join(t, "comp", "new", "t%d.liquid.t" % i), "w") as f:
            f.write("---\nto: out/{{ name }}/f%d.txt\n---\nhello {{ name | upcase }} %d\n" % (i, i))
    os.makedirs(os.path.join(t, "util", "run"))
    with open(os.path.join(t, "util", "run", "u.liquid.t"), "w") as f:
        f.write("---\nto: util.txt\n---\nu\n")
    for i in range(extra_action):
        os.makedirs(os.path.join(t, "many", "new"), exist_ok=True)
        with open(os.path.join(t, "many", "new", "m%03d.liquid.t" % i), "w") as f:
            f.write("---\nto: many/{{ name }}/m%d.txt\n---\n{%% for i in (1..20) %%}{{ i }}{%% endfor %%}\n" % i)
    return d


def snapshot(d):
    """Every path outside .hypergen/ with its content."""
    out = {}
    for root, dirs, files in os.walk(d):
        dirs[:] = [x for x in dirs if x != ".hypergen"]
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, d)] = fh.read()
    return out


def check_run(run_obj, iterations, ops=OPS):
    check(list(run_obj["ops"].keys()) == ops, "ops %s, expected %s" % (list(run_obj["ops"]), ops))
    check(run_obj["iterations"] == iterations, "iterations")
    check(run_obj["peak_rss_kb"] > 0, "peak RSS")
    for name, o in run_obj["ops"].items():
        s = o["samples_ns"]
        check(len(s) == iterations, "%s: %d samples" % (name, len(s)))
        check(all(x >= 0 for x in s), "%s: negative sample" % name)
        check(o["min_ns"] <= o["median_ns"] <= o["p95_ns"] <= o["max_ns"], "%s: order" % name)
        check(o["min_ns"] == min(s) and o["max_ns"] == max(s), "%s: min/max" % name)
        check(o["mad_ns"] >= 0, "%s: MAD" % name)
        check(o["peak_rss_kb"] > 0, "%s: RSS" % name)
    for name in ("startup", "render", "apply"):
        if name in run_obj["ops"]:
            check(run_obj["ops"][name]["min_ns"] > 0, "%s takes time" % name)


def case_status(d):
    j = run_json(["perf", "status"], d)
    check(j["index"]["freshness"] in ("missing", "fresh", "stale"), "freshness")
    check(j["history"]["runs"] == 0 and j["last_benchmark"] is None, "empty history")
    check(j["cache"]["memory"]["policy"] == "lru", "policy")
    check(j["cache"]["disk"]["budget_bytes"] == 50 * 1024 * 1024, "budget")
    check(j["health"]["verdict"] in ("healthy", "attention"), "verdict")
    run(["perf", "benchmark", "--iterations", "2"], d)
    j = run_json(["perf", "status"], d)
    check(j["last_benchmark"] is not None and j["history"]["runs"] == 1, "one run")
    check(j["counters"]["runs"] == 1, "counter runs")
    check(j["index"]["freshness"] == "fresh", "fresh after a benchmark")
    j = run_json(["perf", "status", "--reset"], d)
    check(j["counters"]["runs"] == 0 and j["counters"]["values"] == {}, "reset")
    p = run(["perf", "status"], d)
    check("health:" in p.stdout and "index: fresh" in p.stdout, "human status")


def case_benchmark(d):
    before = snapshot(d)
    j = run_json(["perf", "benchmark", "--iterations", "3"], d)
    check_run(j["run"], 3)
    check(j["run"]["sample"] == "comp:new", "sample is the first action")
    check(j["baseline"] is None and j["comparison"] is None, "no baseline")
    check(snapshot(d) == before, "the benchmark wrote into the project")
    hist = os.path.join(d, ".hypergen", "perf", "history.jsonl")
    with open(hist) as f:
        lines = f.read().splitlines()
    check(len(lines) == 1 and json.loads(lines[0])["schema"] == 1, "history line")
    j = run_json(["perf", "benchmark", "--iterations", "2", "--operations", "render,index-load",
                  "--generator", "util:run", "--jobs", "1"], d)
    check_run(j["run"], 2, ["index_load", "render"])
    check(j["run"]["sample"] == "util:run" and j["run"]["jobs"] == 1, "sample and jobs")
    check(j["history"]["runs"] == 2, "two runs")
    p = run(["perf", "benchmark", "--iterations", "2", "--operations", "startup"], d)
    check("startup" in p.stdout and "median ms" in p.stdout, "human table")


def scaled(run_obj, factor):
    r = json.loads(json.dumps(run_obj))
    for o in r["ops"].values():
        o["samples_ns"] = [int(x * factor) + 1 for x in o["samples_ns"]]
    return r


def case_regression(d):
    j = run_json(["perf", "benchmark", "--iterations", "6", "--baseline", "save",
                  "--operations", "render,apply"], d)
    check(j["baseline_saved"], "saved")
    base = os.path.join(d, ".hypergen", "perf", "baseline.json")
    with open(base) as f:
        saved = json.load(f)
    check_run(saved, 6, ["render", "apply"])
    # A synthetic slowdown: the baseline claims everything was 1000x faster.
    with open(base, "w") as f:
        json.dump(scaled(saved, 0.001), f)
    p = run(["perf", "benchmark", "--iterations", "6", "--operations", "render,apply",
             "--fail-on-regression", "10", "--json"], d, code=1)
    j = json.loads(p.stdout)
    check(sorted(j["regressions"]) == ["apply", "render"], "regressions %s" % j["regressions"])
    check(all(c["verdict"] == "regression" and c["change_pct"] > 100 for c in j["comparison"]),
          "verdicts")
    check("regression against the baseline" in p.stderr, "error message")
    # Without --fail-on-regression the same result exits 0 (report only).
    j = run_json(["perf", "benchmark", "--iterations", "6", "--operations", "render,apply"], d)
    check(j["regressions"], "still reported")
    # The other way round: a baseline 1000x slower is an improvement, not a failure.
    with open(base, "w") as f:
        json.dump(scaled(saved, 1000), f)
    j = run_json(["perf", "benchmark", "--iterations", "6", "--operations", "render,apply",
                  "--fail-on-regression", "10"], d)
    check(j["regressions"] == [] and all(c["verdict"] == "improvement" for c in j["comparison"]),
          "improvement")
    st = run_json(["perf", "status"], d)
    check(st["health"]["regressions"] == [], "status agrees")
    # A custom baseline file (for CI: committed next to the code).
    run(["perf", "benchmark", "--iterations", "3", "--operations", "plan", "--baseline", "save",
         "--baseline-file", "ci/base.json"], d)
    check(os.path.isfile(os.path.join(d, "ci", "base.json")), "baseline file")


def case_errors(d):
    p = run(["perf", "benchmark", "--operations", "render,warp"], d, code=2)
    check("unknown operation 'warp'" in p.stderr, "unknown operation")
    p = run(["perf", "benchmark", "--baseline", "compare"], d, code=3)
    check("--baseline save" in p.stderr, "no baseline hint")
    p = run(["perf", "benchmark", "--iterations", "0"], d, code=2)
    p = run(["perf", "frobnicate"], d, code=2)
    check("unknown subcommand 'frobnicate'" in p.stderr, "unknown subcommand")
    p = run(["perf", "benchmark", "--generator", "nope:x", "--iterations", "1",
             "--operations", "render"], d, code=3)
    check("--generator" in p.stderr, "sample hint")
    os.makedirs(os.path.join(d, ".hypergen", "perf"), exist_ok=True)
    with open(os.path.join(d, ".hypergen", "perf", "baseline.json"), "w") as f:
        f.write("{not json")
    p = run(["perf", "benchmark", "--iterations", "1"], d, code=5)
    check("baseline.json" in p.stderr and "--baseline save" in p.stderr, "corrupt baseline")
    p = run(["perf", "export"], d, code=2)
    check("--output" in p.stderr, "export needs --output")
    p = run(["perf", "monitor"], d, code=2)
    check("--interval" in p.stderr, "monitor needs --interval")
    p = run(["perf", "test", "--scales", "huge"], d, code=2)
    check("unknown scale 'huge'" in p.stderr, "unknown scale")
    empty = tempfile.mkdtemp(prefix="perf-e2e-empty-")
    p = run(["perf", "benchmark", "--iterations", "1"], empty, code=3)
    check("no templates" in p.stderr, "no templates")
    shutil.rmtree(empty)


def case_corrupt_history(d):
    run(["perf", "benchmark", "--iterations", "2", "--operations", "render"], d)
    hist = os.path.join(d, ".hypergen", "perf", "history.jsonl")
    with open(hist, "rb") as f:
        good = f.read()
    with open(hist, "wb") as f:
        f.write(good + b"\x00\xff random \x13 bytes\n" + good + good[: len(good) // 2])
    st = run(["perf", "status", "--json"], d)
    j = json.loads(st.stdout)
    check(j["history"]["runs"] == 2, "two good runs kept")
    check("torn last line" in st.stderr and "unreadable line" in st.stderr, "reported")
    p = run(["perf", "benchmark", "--iterations", "2", "--operations", "render"], d)
    check("torn last line" in p.stderr, "benchmark reports the repair")
    with open(hist) as f:
        lines = f.read().splitlines()
    check(len(lines) == 3 and all(json.loads(l)["schema"] == 1 for l in lines), "repaired")
    with open(hist, "wb") as f:
        f.write(os.urandom(4096).replace(b"\n", b"x"))
    j = run_json(["perf", "status"], d)
    check(j["history"]["runs"] == 0 and j["history"]["recovered"], "all garbage")
    run(["perf", "export", "--output", "x.json"], d)


def case_test_custom(d):
    tmp = tempfile.mkdtemp(prefix="perf-e2e-tmp-")
    j = run_json(["perf", "test", "--generators", "3", "--templates", "9", "--iterations", "2",
                  "--plot", "scale.svg"], d, env={"TMPDIR": tmp})
    check(os.listdir(tmp) == [], "scratch left behind: %s" % os.listdir(tmp))
    check(len(j["scales"]) == 1 and j["scales"][0]["name"] == "custom", "custom scale")
    s = j["scales"][0]
    check(s["generators"] == 3 and s["templates"] == 9 and s["files"] == 9 + 5 + 500, "shape")
    check(s["rating"] in ("excellent", "good", "fair", "poor"), "rating")
    check(s["peak_rss_kb"] > 0 and s["typical_ms"] > 0, "numbers")
    check_run(s["run"], 2)
    check(s["run"]["sample"] == "gen0000:five", "sample action")
    check(isinstance(j["best_jobs"], int) and j["best_jobs"] >= 1, "best jobs")
    check(len(j["jobs"]) >= 1 and all(x["render_median_ms"] > 0 for x in j["jobs"]), "jobs tried")
    check(all(v is None for v in j["growth"].values()), "one scale: no growth fit")
    with open(os.path.join(d, "scale.svg")) as f:
        svg = f.read()
    check(svg.startswith("<?xml") and svg.count('class="series"') >= 8, "chart")
    check(os.path.isfile(os.path.join(d, ".hypergen", "perf", "last-test.json")), "saved")
    st = run_json(["perf", "status"], d)
    check(st["last_test"]["best_jobs"] == j["best_jobs"], "status shows the test")
    shutil.rmtree(tmp)


def case_test_scales(d):
    p = run(["perf", "test", "--scales", "small,medium", "--iterations", "1", "--no-jobs"], d)
    for word in ("small", "medium", "10/50", "100/500", "rating", "growth", "recommendations"):
        check(word in p.stdout, "table has %s" % word)
    j = run_json(["perf", "test", "--scales", "small,medium", "--iterations", "1", "--no-jobs"], d)
    check([s["name"] for s in j["scales"]] == ["small", "medium"], "scales")
    check(j["jobs"] == [] and j["best_jobs"] is None, "no jobs search")
    for op in OPS + ["peak_rss"]:
        g = j["growth"][op]
        check(g is not None and g["class"] in ("flat", "linear", "superlinear"), "growth %s" % op)
        check(0 <= g["r2"] <= 1.0000001, "r2")


def case_test_readonly_tmp(d):
    p = run(["perf", "test", "--generators", "2", "--templates", "2"], d,
            env={"TMPDIR": "/proc/self"}, code=7)
    check("TMPDIR" in p.stderr and "scratch folder" in p.stderr, "clear error: " + p.stderr)


def case_analyze(d):
    j = json.loads(run(["perf", "analyze", "--json", "--", "comp", "new", "--name", "X", "--dry"],
                       d).stdout)
    check(j["ok"] and j["command"] == ["comp", "new", "--name", "X", "--dry"], "command")
    check(j["stages"]["render"]["calls"] >= 1 and j["stages"]["render"]["ms"] > 0, "render")
    check(j["counters"]["templates_rendered"] == 2, "counters")
    check(j["wall_ms"] > 0 and j["bottleneck"]["stage"], "bottleneck")
    check(0 < j["bottleneck"]["share"] <= 1.0000001, "share")
    check(j["advice"] and "out/X/f0.txt" in j["output"], "advice and output")
    check(not os.path.exists(os.path.join(d, "out")), "--dry wrote nothing")
    p = run(["perf", "analyze"], d)
    check("comp" in p.stdout and "bottleneck:" in p.stdout, "default: list")
    p = run(["perf", "analyze", "--", "nosuch", "x"], d, code=3)
    check("bottleneck:" in p.stdout, "analysis printed before the error")
    run(["perf", "analyze", "--", "perf", "status"], d, code=2)


def case_optimize(d):
    with open(os.path.join(d, "hypergen.yml"), "w") as f:
        f.write("# my settings\ntemplates: _templates # the roots\n")
    j = run_json(["perf", "optimize", "--dry"], d)
    check(j["dry"] and all(not s.get("done", False) for s in j["steps"]), "dry")
    check(not os.path.exists(os.path.join(d, ".hypergen", "cache", "index")), "dry wrote the index")
    j = run_json(["perf", "optimize"], d)
    steps = {s["step"]: s for s in j["steps"]}
    check(set(steps) == {"index", "precompile", "prune", "jobs"}, "steps")
    check(steps["index"]["action"] == "rebuild" and steps["index"]["done"], "index rebuilt")
    check(steps["precompile"]["entries_after"] > steps["precompile"]["entries_before"], "warmed")
    with open(os.path.join(d, "hypergen.yml")) as f:
        yml = f.read()
    check(yml.startswith("# my settings\ntemplates: _templates # the roots\n"), "comments kept")
    if (os.cpu_count() or 1) >= 2:
        check(steps["jobs"]["sample"] == "many:new" and steps["jobs"]["best"] >= 1, "jobs")
        check("perf:\n  jobs: %d\n" % steps["jobs"]["best"] in yml, "perf.jobs written: " + yml)
    j = run_json(["perf", "optimize"], d)
    steps = {s["step"]: s for s in j["steps"]}
    check(steps["index"]["action"] == "none", "second run: index fresh")
    run(["many", "new", "w"], d)
    check(os.path.isfile(os.path.join(d, "many", "w", "m0.txt")), "generation with perf.jobs")


def case_monitor(d):
    p = run(["perf", "monitor", "--interval", "1", "--count", "2", "--operations", "render,apply",
             "--budget", "apply=0.000001", "--json"], d, code=1)
    lines = [json.loads(l) for l in p.stdout.splitlines()]
    check(len(lines) == 2 and [l["sample"] for l in lines] == [1, 2], "two samples")
    check(all(set(l["ms"]) == {"render", "apply"} for l in lines), "ops")
    check(all(l["alerts"] and l["alerts"][0]["operation"] == "apply" for l in lines), "alerts")
    check("budget alert" in p.stderr, "error")
    p = run(["perf", "monitor", "--interval", "1", "--count", "2", "--operations", "render"], d)
    check(len(p.stdout.splitlines()) == 2 and "render" in p.stdout, "human lines")
    run(["perf", "monitor", "--interval", "1", "--budget", "warp=3"], d, code=2)
    with open(os.path.join(d, "hypergen.yml"), "w") as f:
        f.write("perf:\n  budgets:\n    plan: 0.000001\n")
    p = run(["perf", "monitor", "--interval", "1", "--count", "1", "--operations", "plan"], d,
            code=1)
    check("ALERT plan" in p.stdout, "budget from config")
    with open(os.path.join(d, "hypergen.yml"), "w") as f:
        f.write("perf:\n  budgets:\n    warp: 3\n")
    p = run(["perf", "monitor", "--interval", "1", "--count", "1"], d, code=5)
    check("warp" in p.stderr, "unknown budget operation in config")


def case_export(d):
    run(["perf", "benchmark", "--iterations", "2", "--baseline", "save"], d)
    run(["perf", "benchmark", "--iterations", "2"], d)
    run(["perf", "test", "--generators", "2", "--templates", "4", "--iterations", "1",
         "--no-jobs"], d)
    j = run_json(["perf", "export", "--output", "perf.json", "--plot", "hist.svg"], d)
    check(j["history_runs"] == 2 and j["baseline"] and j["last_test"], "summary")
    with open(os.path.join(d, "perf.json")) as f:
        e = json.load(f)
    for key in ("schema", "generated_at", "project", "history", "baseline", "last_test", "cache"):
        check(key in e, "export has " + key)
    check(e["schema"] == 1 and len(e["history"]) == 2, "history")
    check_run(e["history"][0], 2)
    check(e["cache"]["index"]["exists"] and e["cache"]["policy"] == "lru", "cache")
    run(["perf", "export", "--output", "perf.csv"], d)
    with open(os.path.join(d, "perf.csv")) as f:
        rows = f.read().splitlines()
    check(rows[0].startswith("section,time,scale,generators,templates,operation,n,min_ms"), "header")
    sections = [r.split(",")[0] for r in rows[1:]]
    check(sections.count("history") == 16 and sections.count("baseline") == 8
          and sections.count("test") == 8, "rows %s" % sections)
    with open(os.path.join(d, "hist.svg")) as f:
        check(f.read().count('class="series"') == 8, "history chart")
    run(["perf", "export", "--output", "x", "--format", "xml"], d, code=2)


CASES = {k[5:]: v for k, v in globals().items() if k.startswith("case_")}


def main():
    name = sys.argv[2]
    d = project(extra_action=25 if name == "optimize" else 0)
    try:
        CASES[name](d)
    finally:
        shutil.rmtree(d, ignore_errors=True)
    print("ok")


if __name__ == "__main__":
    main()
