#!/usr/bin/env python3
"""Races between real `hypergen` processes on one project.

Generation rounds (fresh project each round): 2 and 4 processes start at once,
  - "same":      all run `comp new Foo`;
  - "different": process i runs `comp new Name<i>`; every action creates its own
    3 files, overwrites the shared config (force: true) and injects twice into
    the shared router.
  Each process must either succeed (exit 0) with all of its files present and
  both of its injections in the router exactly once, or be refused with a
  non-zero code and a clear message (lock timeout, or "changed while planning"
  conflict), in which case none of its files exist. The config is the content
  of one successful run; no file is torn; no journal/staged/temp file remains.

List rounds: 2-4 `hypergen list --json` at once while the templates change
between rounds (a new generator/action each round and an edited template),
so the persistent index is rebuilt concurrently: every listing must be the
right one, and no index temp file may remain.

Usage: races.py HYPERGEN [WORK_DIR] [ROUNDS]. Exit 0 pass, 1 fail.
"""

import json
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
from relcommon import (CONFIG_OLD, EXIT_OK, die, leftovers, make_project, run, snapshot,
                       work_base)

RUN_TIMEOUT = 120


def env():
    e = {k: v for k, v in os.environ.items()
         if k not in ("HYPERGEN_TMPLS", "HYGEN_TMPLS", "HYPERGEN_OVERWRITE", "HYGEN_OVERWRITE",
                      "HYPERGEN_FAULT")}
    e.update({"TZ": "UTC", "NO_COLOR": "1", "HYGEN_TS": "1700000000000"})
    return e


def start_all(binary, argvs, cwd):
    procs = [subprocess.Popen([binary] + a, cwd=cwd, env=env(), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for a in argvs]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=RUN_TIMEOUT)
        results.append((p.returncode, out.decode("utf-8", "replace"),
                        err.decode("utf-8", "replace")))
    return results


def expected_files(name):
    return {
        "src/components/%s/index.ts" % name: "export * from './%s';\n" % name,
        "src/components/%s/%s.ts" % (name, name): "export const %s = () => 1;\n" % name,
        "src/components/%s/tests/deep/%s.test.ts" % (name, name): "test('%s');\n" % name,
    }


def config_of(name):
    return "export const config = { component: '%s' };\n" % name


REFUSED_CODES = {}
REFUSAL_WORDS = ("lock", "changed", "conflict", "modified", "when planned", "run again")


def generation_round(binary, base, names, label):
    proj = os.path.join(base, "gen")
    shutil.rmtree(proj, ignore_errors=True)
    make_project(proj)
    results = start_all(binary, [["comp", "new", n] for n in names], proj)
    tree = snapshot(proj)
    router = tree["src/lib/router.ts"][1].decode()
    config = tree["src/app/config.ts"][1].decode()
    ok_names = set()
    refused = 0
    for name, (code, out, err) in zip(names, results):
        if code == EXIT_OK:
            ok_names.add(name)
            continue
        refused += 1
        REFUSED_CODES[code] = REFUSED_CODES.get(code, 0) + 1
        if not any(w in err.lower() for w in REFUSAL_WORDS):
            die("%s: process for %s exited %d without a clear refusal:\n%s%s"
                % (label, name, code, out, err))
    if not ok_names:
        die("%s: every process was refused: %r" % (label, results))
    distinct = set(names)
    for name in distinct:
        present = name in ok_names
        for rel, content in expected_files(name).items():
            got = tree.get(rel)
            if present and (got is None or got[1].decode() != content):
                die("%s: %s succeeded but %s is %r" % (label, name, rel, got))
            if not present and got is not None:
                die("%s: %s was refused but %s exists" % (label, name, rel))
        want_after = "  '%s',\n" % name
        want_before = "import '%s';\n" % name
        for piece in (want_after, want_before):
            count = router.count(piece)
            if count != (1 if present else 0):
                die("%s: router has %d copies of %r (run %s):\n%s"
                    % (label, count, piece, "ok" if present else "refused", router))
    if config not in [config_of(n) for n in ok_names]:
        die("%s: config is %r, not the content of a successful run" % (label, config))
    if config == CONFIG_OLD:
        die("%s: config unchanged" % label)
    left = leftovers(proj)
    if left:
        die("%s: leftovers %s" % (label, left))
    return refused


def list_rounds(binary, base, rounds, procs):
    proj = os.path.join(base, "list-%d" % procs)
    shutil.rmtree(proj, ignore_errors=True)
    make_project(proj)
    gens = {"comp": {"new"}}
    for r in range(rounds):
        # Change the templates: a new action of a new or existing generator,
        # and an edited template, so the index must be rebuilt.
        gen = "g%d" % (r % 5)
        act = "a%d" % r
        path = os.path.join(proj, "_templates", gen, act, "t.liquid.t")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("---\nto: out/%s/{{ name }}.txt\n---\nround %d\n" % (act, r))
        gens.setdefault(gen, set()).add(act)
        with open(os.path.join(proj, "_templates/comp/new/a.liquid.t"), "a") as f:
            f.write("// round %d\n" % r)
        want = {g: sorted(a) for g, a in gens.items()}
        results = start_all(binary, [["list", "--json"]] * procs, proj)
        for i, (code, out, err) in enumerate(results):
            if code != EXIT_OK:
                die("list round %d proc %d: exit %d\n%s%s" % (r, i, code, out, err))
            try:
                doc = json.loads(out)
                got = {g["name"]: sorted(g["actions"]) for g in doc["generators"]}
            except (ValueError, KeyError, TypeError) as e:
                die("list round %d proc %d: bad JSON (%s):\n%s" % (r, i, e, out))
            if got != want:
                die("list round %d proc %d: listing %r, expected %r" % (r, i, got, want))
        left = leftovers(proj)
        if left:
            die("list round %d: leftovers %s" % (r, left))
        # A sequential list afterwards sees the same (the index is not corrupt).
        code, out, err = run(binary, ["list", "--json"], proj)
        got = {g["name"]: sorted(g["actions"]) for g in json.loads(out)["generators"]}
        if code != EXIT_OK or got != want:
            die("list round %d: sequential list after the race: %r" % (r, got))


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    base = work_base(sys.argv)
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    total_refused = 0
    gen_rounds = 0
    for procs in (2, 4):
        for r in range(rounds):
            total_refused += generation_round(binary, base, ["Foo"] * procs,
                                              "same x%d round %d" % (procs, r))
            total_refused += generation_round(binary, base,
                                              ["Name%d" % i for i in range(procs)],
                                              "different x%d round %d" % (procs, r))
            gen_rounds += 2
    list_rounds(binary, base, rounds, 2)
    list_rounds(binary, base, rounds, 4)
    shutil.rmtree(base, ignore_errors=True)
    print("race rounds: %d generation rounds (2 and 4 processes, same and different actions; "
          "%d runs refused cleanly, exit codes %s), %d list rounds (2 and 4 processes, "
          "index rebuilt each round); no lost write, no torn file, no leftover" %
          (gen_rounds, total_refused, REFUSED_CODES, 2 * rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
