#!/usr/bin/env python3
"""make-journal.py STATE TARGET NEW_CONTENT_FILE [--create]

Leaves in the current folder what a hypergen apply interrupted at STATE
(pending | committed) looks like: the staged new content beside TARGET, a
backup of its old content (unless --create) and the journal
.hypergen/journal/apply.journal (format: src/apply/journal.h), so e2e cases
can check that `hypergen recover` / the next generation rolls forward or back.
"""
import os
import sys

P1, P2, P3, P4, P5 = (11400714785074694791, 14029467366897019727, 1609587929392839161,
                      9650029242287828579, 2870177450012600261)
M = (1 << 64) - 1


def rotl(x, r):
    return ((x << r) | (x >> (64 - r))) & M


def rnd(acc, lane):
    acc = (acc + lane * P2) & M
    return (rotl(acc, 31) * P1) & M


def merge(acc, val):
    acc ^= rnd(0, val)
    return (acc * P1 + P4) & M


def xxh64(data, seed=0):
    n = len(data)
    i = 0
    if n >= 32:
        v = [(seed + P1 + P2) & M, (seed + P2) & M, seed, (seed - P1) & M]
        while i + 32 <= n:
            for k in range(4):
                v[k] = rnd(v[k], int.from_bytes(data[i + 8 * k:i + 8 * k + 8], 'little'))
            i += 32
        h = (rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18)) & M
        for k in range(4):
            h = merge(h, v[k])
    else:
        h = (seed + P5) & M
    h = (h + n) & M
    while i + 8 <= n:
        h ^= rnd(0, int.from_bytes(data[i:i + 8], 'little'))
        h = (rotl(h, 27) * P1 + P4) & M
        i += 8
    if i + 4 <= n:
        h ^= (int.from_bytes(data[i:i + 4], 'little') * P1) & M
        h = (rotl(h, 23) * P2 + P3) & M
        i += 4
    while i < n:
        h ^= (data[i] * P5) & M
        h = (rotl(h, 11) * P1) & M
        i += 1
    h ^= h >> 33
    h = (h * P2) & M
    h ^= h >> 29
    h = (h * P3) & M
    h ^= h >> 32
    return h


def main():
    state, target, new_file = sys.argv[1:4]
    create = '--create' in sys.argv
    root = os.getcwd()
    target_abs = os.path.join(root, target)
    folder, name = os.path.split(target_abs)
    # The names apply_changes() derives from the target, the journal id and
    # the change's index (recover() refuses any other).
    staged = os.path.join(folder, '.%s.hg-1-e2e-0.new' % name)
    backup = os.path.join(folder, '.%s.hg-1-e2e-0.old' % name)
    with open(new_file, 'rb') as f, open(staged, 'wb') as out:
        out.write(f.read())
    mode = '-'
    if not create:
        with open(target_abs, 'rb') as f, open(backup, 'wb') as out:
            out.write(f.read())
        mode = '%04o' % (os.stat(target_abs).st_mode & 0o7777)
    text = 'hypergen-journal 1\nstate %s\nid 1-e2e\n' % state
    text += 'file %s %s %s %s %s\n' % ('create' if create else 'overwrite', mode, target_abs,
                                       staged, '-' if create else backup)
    data = text.encode()
    data += ('xxh64 %016x\n' % xxh64(data)).encode()
    os.makedirs(os.path.join(root, '.hypergen', 'journal'), exist_ok=True)
    with open(os.path.join(root, '.hypergen', 'journal', 'apply.journal'), 'wb') as f:
        f.write(data)


if __name__ == '__main__':
    main()
