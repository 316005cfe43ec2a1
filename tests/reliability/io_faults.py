#!/usr/bin/env python3
"""I/O faults at every write, rename and mkdir step of a 6-file generation,
through the real `hypergen` binary (HYPERGEN_FAULT=ERROR@OP:N).

For every ERROR in enospc, eacces, eio, exdev, erofs, for OP in write, rename,
mkdir, and for short writes (short@write:N), N = 1 .. (mutating steps of a
clean run): the run must either
  - fail with exit 7 (I/O error), a message on stderr that names the path
    (inside the project), the tree byte-for-byte unchanged and no journal,
    staged, backup or temp file left; or
  - succeed (exit 0) with the complete result when the failed call was not
    needed (best-effort writes such as `.hypergen/.gitignore`).
Faults in the clean-up after the commit (remove) and in fsync (sync, with
HYPERGEN_FSYNC=1) are also tried: then the result must be complete (or the
tree unchanged with exit 7) and `hypergen recover` must leave no leftovers.

Usage: io_faults.py HYPERGEN [WORK_DIR]. Exit 0 pass, 1 fail, 125 skip.
"""

import os
import shutil
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
from relcommon import (EXIT_IO, EXIT_KILLED, EXIT_OK, describe_diff, die, leftovers, run, snapshot, start_fault_driver)

GEN = ["comp", "new", "Foo"]
ERRORS = ["enospc", "eacces", "eio", "exdev", "erofs"]


def count_steps(binary, pristine, work):
    """Mutating steps of a clean run: the first kill@N that does not fire."""
    for n in range(1, 400):
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(pristine, work, symlinks=True)
        code, _, _ = run(binary, GEN, work, {"HYPERGEN_FAULT": "kill@%d" % n})
        if code == EXIT_OK:
            return n - 1
        if code != EXIT_KILLED:
            die("kill@%d: unexpected exit %d" % (n, code))
    die("no clean run within 400 steps")
    return 0


def main():
    code, started = start_fault_driver(__doc__, sys.argv)
    if started is None:
        return code
    binary, base, pristine = started
    shutil.rmtree(os.path.join(pristine, ".hypergen"), ignore_errors=True)
    before = snapshot(pristine)
    ref = os.path.join(base, "ref")
    shutil.copytree(pristine, ref, symlinks=True)
    if run(binary, GEN, ref)[0] != EXIT_OK:
        die("clean run failed")
    after = snapshot(ref)
    work = os.path.join(base, "work")
    steps = count_steps(binary, pristine, work)

    specs = []
    for op in ("write", "rename", "mkdir"):
        for error in ERRORS:
            specs += [("%s@%s:%d" % (error, op, n), {}) for n in range(1, steps + 1)]
    specs += [("short@write:%d" % n, {}) for n in range(1, steps + 1)]
    specs += [("eio@write:%d+" % n, {}) for n in range(1, steps + 1)]
    cleanup_specs = [("eio@remove:%d" % n, {}) for n in range(1, steps + 1)]
    cleanup_specs += [("eio@sync:%d" % n, {"HYPERGEN_FSYNC": "1"}) for n in range(1, steps + 1)]

    failed_cleanly = 0
    tolerated = 0
    cleanup_left = 0
    for spec, extra_env in specs + cleanup_specs:
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(pristine, work, symlinks=True)
        env = {"HYPERGEN_FAULT": spec}
        env.update(extra_env)
        code, out, err = run(binary, GEN, work, env)
        tree = snapshot(work)
        cleanup = (spec, extra_env) in cleanup_specs
        if code == EXIT_IO:
            if tree != before:
                die("%s: exit 7 but the tree changed:\n%s" % (spec, describe_diff(before, tree)))
            if "error" not in err or ("'" + work) not in err:
                die("%s: stderr does not name the path: %r" % (spec, err))
            if leftovers(work):
                die("%s: exit 7 but leftovers %s" % (spec, leftovers(work)))
            failed_cleanly += 1
        elif code == EXIT_OK:
            if cleanup and leftovers(work):
                # A failed clean-up after the commit leaves the committed journal and
                # backups: the next run (or recover) finishes it.
                cleanup_left += 1
                rc, rout, rerr = run(binary, ["recover"], work)
                if rc != EXIT_OK or leftovers(work):
                    die("%s: recover after a failed clean-up: exit %d, leftovers %s\n%s%s"
                        % (spec, rc, leftovers(work), rout, rerr))
                tree = snapshot(work)
            if tree != after:
                die("%s: exit 0 but incomplete result:\n%s\n%s%s"
                    % (spec, describe_diff(after, tree), out, err))
            if leftovers(work):
                die("%s: exit 0 with leftovers %s" % (spec, leftovers(work)))
            tolerated += 1
        else:
            die("%s: exit %d (expected 7 or 0)\n%s%s" % (spec, code, out, err))

    if failed_cleanly < 50:
        die("only %d faults produced an I/O error: the hook does not reach the apply"
            % failed_cleanly)
    shutil.rmtree(base, ignore_errors=True)
    print("fault cases: %d (%d mutating steps per run); %d failed with exit 7, tree unchanged, "
          "path named; %d completed with the full result (N past the last call of that "
          "op, or a best-effort step; %d of them a clean-up that left the committed "
          "journal for recover)" %
          (len(specs) + len(cleanup_specs), steps, failed_cleanly, tolerated, cleanup_left))
    return 0


if __name__ == "__main__":
    sys.exit(main())
