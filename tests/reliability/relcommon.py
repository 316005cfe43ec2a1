"""Shared helpers of the reliability drivers (tests/reliability/*.py).

Every driver runs the real `hypergen` binary on a project in a temp folder and
checks outcomes on disk: tree snapshots (content and mode of every file, kind
of every entry), leftovers of the transactional writer (journal, staged
`.hg-*.new` / `.old` files, temp files) and exit codes from docs/cli.md.
"""

import os
import shutil
import stat
import subprocess
import sys
import tempfile

# Exit codes (docs/cli.md).
EXIT_OK = 0
EXIT_USAGE = 2
EXIT_CONFLICT = 6
EXIT_DATA = 5
EXIT_IO = 7
EXIT_KILLED = 137  # HYPERGEN_FAULT=kill@N / tear@N

ROUTER_OLD = "const routes = [\n// routes\n];\n// end\n"
CONFIG_OLD = "old config\n"

# A 6-file action: three creates in new nested folders, a forced overwrite and
# two injections into one existing file (idempotent through skip_if, so a rerun
# after a completed apply changes nothing).
TEMPLATES = {
    "comp/new/a.liquid.t": "---\nto: src/components/{{ name }}/index.ts\n---\n"
                           "export * from './{{ name }}';\n",
    "comp/new/b.liquid.t": "---\nto: src/components/{{ name }}/{{ name }}.ts\n---\n"
                           "export const {{ name }} = () => 1;\n",
    "comp/new/c.liquid.t": "---\nto: src/components/{{ name }}/tests/deep/{{ name }}.test.ts\n"
                           "---\ntest('{{ name }}');\n",
    "comp/new/d.liquid.t": "---\nto: src/app/config.ts\nforce: true\n---\n"
                           "export const config = { component: '{{ name }}' };\n",
    "comp/new/e.liquid.t": "---\nto: src/lib/router.ts\ninject: true\nafter: \"// routes\"\n"
                           "skip_if: \"'{{ name }}',\"\n---\n  '{{ name }}',\n",
    "comp/new/f.liquid.t": "---\nto: src/lib/router.ts\ninject: true\nbefore: \"// end\"\n"
                           "skip_if: \"import '{{ name }}'\"\n---\nimport '{{ name }}';\n",
}


def die(msg):
    print("FAIL: " + msg, flush=True)
    sys.exit(1)


def write(path, text, mode=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    if mode is not None:
        os.chmod(path, mode)


def make_project(root, templates=None):
    """The standard project: `_templates`, an existing config and router."""
    os.makedirs(root, exist_ok=True)
    for rel, text in (templates or TEMPLATES).items():
        write(os.path.join(root, "_templates", rel), text)
    write(os.path.join(root, "src/app/config.ts"), CONFIG_OLD, 0o640)
    write(os.path.join(root, "src/lib/router.ts"), ROUTER_OLD, 0o644)


def snapshot(root, skip=("_templates", ".hypergen")):
    """{relpath: ("f", bytes, mode) | ("d",) | ("l", target)} of the tree, top-level
    folders in `skip` left out."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        if rel_dir == ".":
            dirnames[:] = [d for d in dirnames if d not in skip]
        for name in dirnames + filenames:
            full = os.path.join(dirpath, name)
            rel = os.path.normpath(os.path.join(rel_dir, name))
            st = os.lstat(full)
            if stat.S_ISLNK(st.st_mode):
                out[rel] = ("l", os.readlink(full))
            elif stat.S_ISDIR(st.st_mode):
                out[rel] = ("d",)
            else:
                with open(full, "rb") as f:
                    out[rel] = ("f", f.read(), stat.S_IMODE(st.st_mode))
        # do not descend into symlinked dirs (os.walk does not by default)
    return out


def describe_diff(a, b, label_a="expected", label_b="actual"):
    lines = []
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k):
            lines.append("  %s: %s=%r %s=%r" % (k, label_a, _short(a.get(k)), label_b,
                                               _short(b.get(k))))
    return "\n".join(lines[:20])


def _short(v):
    if v is None:
        return None
    if v[0] == "f":
        data = v[1]
        return ("f", data[:60] + (b"..." if len(data) > 60 else b""), oct(v[2]))
    return v


def is_cache_temp(rel):
    """A temp file of the index/cache writers (`.hypergen/cache/<name>.tmp.<pid>.<hex>`)."""
    return rel.startswith(os.path.join(".hypergen", "cache") + os.sep) and ".tmp." in rel


def leftovers(root, cache_temps=True):
    """Files the writer must never leave behind: the journal (and its temp), staged
    and backup files (`.<name>.hg-*`), index/cache temp files (`*.tmp.*`; left out
    when cache_temps is False)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        if os.path.relpath(dirpath, root) == "." and "_templates" in dirnames:
            dirnames.remove("_templates")
        for name in filenames + dirnames:
            rel = os.path.relpath(os.path.join(dirpath, name), root)
            if ".hg-" in name or ".tmp" in name or name.startswith("apply.journal"):
                if cache_temps or not is_cache_temp(rel):
                    found.append(rel)
    return sorted(found)


def run(binary, args, cwd, env_extra=None, timeout=60, stdin=subprocess.DEVNULL):
    env = {k: v for k, v in os.environ.items()
           if k not in ("HYPERGEN_TMPLS", "HYGEN_TMPLS", "HYPERGEN_OVERWRITE", "HYGEN_OVERWRITE",
                        "HYPERGEN_FAULT", "HYPERGEN_FSYNC")}
    env.update({"TZ": "UTC", "NO_COLOR": "1", "HYGEN_TS": "1700000000000"})
    if env_extra:
        env.update(env_extra)
    p = subprocess.run([binary] + list(args), cwd=cwd, env=env, stdin=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def fault_injection_available(binary, scratch):
    """Release builds compile the HYPERGEN_FAULT hook out: detect it by a spec that
    must fail to parse when the hook is present."""
    code, _, err = run(binary, ["list"], scratch, {"HYPERGEN_FAULT": "bogus@@"})
    return code != 0 and "bogus" in err


def fresh_dir(base, name):
    path = os.path.join(base, name)
    if os.path.lexists(path):
        shutil.rmtree(path)
    return path


def work_base(argv):
    """argv[2] if given (a CTest binary dir), else a new temp dir."""
    if len(argv) > 2:
        os.makedirs(argv[2], exist_ok=True)
        return tempfile.mkdtemp(prefix="rel-", dir=argv[2])
    return tempfile.mkdtemp(prefix="hypergen-rel-")


def start_fault_driver(doc, argv):
    """Common start of the fault-injection drivers: (exit_code, None) to return
    at once (usage 2, or 125 = skip on a Release build without the hook), else
    (None, (binary, base, pristine)) with the test project made in pristine."""
    if len(argv) < 2:
        print(doc)
        return 2, None
    binary = os.path.abspath(argv[1])
    base = work_base(argv)
    pristine = os.path.join(base, "pristine")
    make_project(pristine)
    if not fault_injection_available(binary, pristine):
        print("SKIP: HYPERGEN_FAULT hook not compiled in (Release build)")
        return 125, None
    return None, (binary, base, pristine)
