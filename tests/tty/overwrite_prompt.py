#!/usr/bin/env python3
"""overwrite_prompt.py HYPERGEN

Drives the overwrite question through a real pseudo-terminal: a generator
writes three files that already exist, and the answers n / d-then-y / a are
typed at the prompts. Checks what is asked, that `d` shows a diff and asks
again, that `a` answers the rest, and the files afterwards.
"""
import os
import pty
import select
import shutil
import sys
import tempfile
import time

HYPERGEN = os.path.abspath(sys.argv[1])


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)


def read(path):
    with open(path) as f:
        return f.read()


def run_with_answers(cwd, args, answers, timeout=20.0):
    """Runs hypergen on a pty; answers each prompt in turn. Returns (status, transcript)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        env = dict(os.environ, NO_COLOR='1')
        env.pop('HYPERGEN_OVERWRITE', None)
        env.pop('HYGEN_OVERWRITE', None)
        os.execve(HYPERGEN, [HYPERGEN] + args, env)
    transcript = b''
    pending = list(answers)
    deadline = time.time() + timeout
    prompts_seen = 0
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            transcript += chunk
        count = transcript.count(b'Overwrite? (y/N/a/d): ')
        if count > prompts_seen and pending:
            prompts_seen = count
            os.write(fd, (pending.pop(0) + '\n').encode())
    else:
        os.kill(pid, 9)
        raise SystemExit('timed out; transcript:\n' + transcript.decode(errors='replace'))
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), transcript.decode(errors='replace')


def main():
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)

    root = tempfile.mkdtemp(prefix='hypergen-tty-')
    try:
        for name in ('a', 'b', 'c'):
            write(os.path.join(root, '_templates/gen/new/%s.liquid.t' % name),
                  '---\nto: out/%s.txt\n---\nnew %s\n' % (name, name))
            write(os.path.join(root, 'out/%s.txt' % name), 'old %s\n' % name)

        # n: keep a; d: show the diff of b, then y: overwrite b; c is asked too: n.
        status, text = run_with_answers(root, ['gen', 'new'], ['n', 'd', 'y', 'n'])
        check(status == 0, 'first run exit status %d' % status)
        check(text.count('exists: out/a.txt. Overwrite? (y/N/a/d): ') == 1, 'asked once for a')
        check(text.count('exists: out/b.txt. Overwrite? (y/N/a/d): ') == 2,
              'asked twice for b (after the diff)')
        check('-old b' in text and '+new b' in text, 'd shows the diff of b')
        check(read(os.path.join(root, 'out/a.txt')) == 'old a\n', 'a kept')
        check(read(os.path.join(root, 'out/b.txt')) == 'new b\n', 'b overwritten')
        check(read(os.path.join(root, 'out/c.txt')) == 'old c\n', 'c kept')

        # a: overwrite this one and all the rest without asking again.
        write(os.path.join(root, 'out/b.txt'), 'old b\n')
        status, text = run_with_answers(root, ['gen', 'new'], ['a'])
        check(status == 0, 'second run exit status %d' % status)
        check(text.count('Overwrite? (y/N/a/d): ') == 1, 'a answers every later question')
        for name in ('a', 'b', 'c'):
            check(read(os.path.join(root, 'out/%s.txt' % name)) == 'new %s\n' % name,
                  '%s overwritten after a' % name)
    finally:
        shutil.rmtree(root, ignore_errors=True)

    if failures:
        print('FAILED:\n  ' + '\n  '.join(failures))
        print('--- last transcript:\n' + text)
        return 1
    print('overwrite prompt: 2 runs, all answers behaved')
    return 0


if __name__ == '__main__':
    sys.exit(main())
