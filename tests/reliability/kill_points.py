#!/usr/bin/env python3
"""Kill the real `hypergen` binary at every mutating step of a 6-file generation.

For each mode (kill@N: _exit(137) just before step N; tear@N: half of write N,
then death) and N = 1, 2, ... until a run completes without being killed:
  1. copy the pristine project, run `hypergen comp new Foo` with HYPERGEN_FAULT;
  2. follow-up A: `hypergen recover`, then check that the whole tree is the
     "before" tree or the "after" tree (so each target is entirely old or new),
     and that no journal, staged/backup or temp file remains; then a rerun of
     the generation must give exactly the "after" tree;
  3. follow-up B (on a second copy of the killed state): the next generation
     directly (it recovers first) must give exactly the "after" tree;
  4. (kill mode) follow-up C: kill `hypergen recover` itself at each of its
     steps, then recover again: all old or all new, no leftovers.

Usage: kill_points.py HYPERGEN [WORK_DIR]. Prints the number of kill points.
Exit 0 pass, 1 fail, 125 skip (fault hook compiled out: Release build).
"""

import os
import shutil
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
from relcommon import (EXIT_KILLED, EXIT_OK, describe_diff, die, is_cache_temp, leftovers, run, snapshot, start_fault_driver)

MAX_STEPS = 400  # bound on N; the action has ~30 steps
GEN = ["comp", "new", "Foo"]


def check_old_or_new(tree, before, after, where):
    if tree == before:
        return "old"
    if tree == after:
        return "new"
    # Name the targets that are neither (torn or mixed).
    bad = [k for k in sorted(set(tree) | set(before) | set(after))
           if tree.get(k) != before.get(k) and tree.get(k) != after.get(k)]
    die("%s: tree is neither all-old nor all-new; offending entries: %s\n"
        "vs before:\n%s\nvs after:\n%s"
        % (where, bad, describe_diff(before, tree, "before"), describe_diff(after, tree, "after")))
    return ""


STALE_CACHE_TEMPS = set()


def check_clean(root, where):
    """No apply leftover (journal, staged, backup). A temp file of the index writer
    killed mid-write is harmless to correctness (the index is replaced by rename);
    it is counted and reported, not failed (see docs/safety.md)."""
    left = leftovers(root, cache_temps=False)
    if left:
        die("%s: leftovers %s" % (where, left))
    for rel in leftovers(root):
        if is_cache_temp(rel):
            STALE_CACHE_TEMPS.add(where.split(" ")[0])


def recreate(pristine, killed, binary, spec):
    shutil.rmtree(killed, ignore_errors=True)
    shutil.copytree(pristine, killed, symlinks=True)
    code, out, err = run(binary, GEN, killed, {"HYPERGEN_FAULT": spec})
    if code != EXIT_KILLED:
        die("%s: not deterministic: second run exit %d\n%s%s" % (spec, code, out, err))


def main():
    code, started = start_fault_driver(__doc__, sys.argv)
    if started is None:
        return code
    binary, base, pristine = started
    before = snapshot(pristine)

    ref = os.path.join(base, "reference")
    shutil.copytree(pristine, ref, symlinks=True)
    code, out, err = run(binary, GEN, ref)
    if code != EXIT_OK:
        die("clean generation failed (%d): %s %s" % (code, out, err))
    after = snapshot(ref)
    if after == before or len([k for k in after if k.startswith("src/components")]) < 3:
        die("clean generation did not produce the expected files:\n" + out)
    check_clean(ref, "clean run")
    code, out, err = run(binary, GEN, ref)  # rerun is a no-op (skip_if, identical)
    if code != EXIT_OK or snapshot(ref) != after:
        die("rerun of a completed generation changed the tree:\n" + out + err)

    totals = {"kill": 0, "tear": 0, "recover-kill": 0}
    outcomes = {"old": 0, "new": 0}
    for mode in ("kill", "tear"):
        completed = False
        for n in range(1, MAX_STEPS + 1):
            spec = "%s@%d" % (mode, n)
            killed = os.path.join(base, "killed")
            shutil.rmtree(killed, ignore_errors=True)
            shutil.copytree(pristine, killed, symlinks=True)
            code, out, err = run(binary, GEN, killed, {"HYPERGEN_FAULT": spec})
            if code == EXIT_OK:
                if snapshot(killed) != after:
                    die("%s: run completed but tree is not the 'after' tree:\n%s"
                        % (spec, describe_diff(after, snapshot(killed))))
                check_clean(killed, spec + " completed")
                completed = True
                break
            if code != EXIT_KILLED:
                die("%s: exit %d, expected %d (killed) or 0\n%s%s"
                    % (spec, code, EXIT_KILLED, out, err))
            totals[mode] += 1
            # The killed state itself: every target old or new or (a staged file of)
            # the transaction in flight; a torn target is never allowed.
            state = snapshot(killed)
            for k, v in state.items():
                if k in before or k in after:
                    if v != before.get(k) and v != after.get(k):
                        die("%s: target %s torn right after the kill: %r" % (spec, k, v))

            # A: hypergen recover, then a rerun.
            code, out, err = run(binary, ["recover"], killed)
            if code != EXIT_OK:
                die("%s: recover exit %d\n%s%s" % (spec, code, out, err))
            outcome = check_old_or_new(snapshot(killed), before, after, spec + " after recover")
            outcomes[outcome] += 1
            check_clean(killed, spec + " after recover")
            code, out, err = run(binary, GEN, killed)
            if code != EXIT_OK or snapshot(killed) != after:
                die("%s: rerun after recover: exit %d\n%s\n%s%s"
                    % (spec, code, describe_diff(after, snapshot(killed)), out, err))
            check_clean(killed, spec + " rerun after recover")

            # B: the next generation recovers by itself. The journal holds absolute
            # paths, so the killed state is re-created in the same folder rather
            # than copied.
            killed_b = killed
            recreate(pristine, killed, binary, spec)
            code, out, err = run(binary, GEN, killed_b)
            if code != EXIT_OK or snapshot(killed_b) != after:
                die("%s: next generation without recover: exit %d\n%s\n%s%s"
                    % (spec, code, describe_diff(after, snapshot(killed_b)), out, err))
            check_clean(killed_b, spec + " next generation")

            # C: kill the recovery at each of its steps, then recover again.
            if mode == "kill":
                for m in range(1, MAX_STEPS + 1):
                    attempt = killed
                    recreate(pristine, killed, binary, spec)
                    code, out, err = run(binary, ["recover"], attempt,
                                         {"HYPERGEN_FAULT": "kill@%d" % m})
                    if code == EXIT_OK:
                        break
                    if code != EXIT_KILLED:
                        die("%s, recover kill@%d: exit %d\n%s%s" % (spec, m, code, out, err))
                    totals["recover-kill"] += 1
                    code, out, err = run(binary, ["recover"], attempt)
                    if code != EXIT_OK:
                        die("%s, recover kill@%d, then recover: exit %d\n%s%s"
                            % (spec, m, code, out, err))
                    check_old_or_new(snapshot(attempt), before, after,
                                     "%s, recover kill@%d, then recover" % (spec, m))
                    check_clean(attempt, "%s, recover kill@%d, then recover" % (spec, m))
                else:
                    die("%s: recovery never completed within %d steps" % (spec, MAX_STEPS))
        if not completed:
            die("%s: generation never completed within %d steps" % (mode, MAX_STEPS))

    if totals["kill"] < 10:
        die("only %d kill points: the fault hook does not see the apply steps" % totals["kill"])
    shutil.rmtree(base, ignore_errors=True)
    print("kill points: kill@N %d, tear@N %d, recovery killed at %d further points; "
          "after recovery: %d all-old, %d all-new; 0 torn files; stale index temp files "
          "after %d kill points (%s)"
          % (totals["kill"], totals["tear"], totals["recover-kill"], outcomes["old"],
             outcomes["new"], len(STALE_CACHE_TEMPS), " ".join(sorted(STALE_CACHE_TEMPS))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
