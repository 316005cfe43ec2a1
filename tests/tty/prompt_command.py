#!/usr/bin/env python3
"""prompt_command.py HYPERGEN

Drives `hypergen prompt` through a real pseudo-terminal: every question type
answered with real keys (arrows, space, typing, Enter), a validation error
answered again, UTF-8 typing, a resize in the middle of a question, Ctrl-C and
Esc (exit 130) and an external SIGTERM while the terminal is raw. After each
run the terminal's mode (`stty -g`) must be what it was before. Also runs the
command without a terminal (exit 8, the unanswered names) and with --defaults.
"""
import fcntl
import json
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

HYPERGEN = os.path.abspath(sys.argv[1])
failures = []
last_transcript = ['']


def check(cond, what):
    if not cond:
        failures.append(what)


def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))


def run_pty(cwd, args, steps, env_extra=None, timeout=20.0):
    """Runs `hypergen ARGS` in a shell on a pty, between two `stty -g`.

    steps: list of (text to wait for in the output, bytes to send | callable(pid, fd)).
    Returns (exit status of hypergen, stdout as JSON (or as text when it is not
    JSON; None when empty), transcript, modes equal).
    """
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        env = dict(os.environ, NO_COLOR='1', HG=HYPERGEN)
        env.pop('FORCE_COLOR', None)
        env.update(env_extra or {})
        quoted = ' '.join("'%s'" % a for a in args)
        script = ('stty -g > mode.before; "$HG" %s > answers.json; echo "rc=$?"; '
                  'stty -g > mode.after; echo done.' % quoted)
        os.execve('/bin/sh', ['/bin/sh', '-c', script], env)
    set_size(fd, 24, 80)
    transcript = b''
    deadline = time.time() + timeout
    pending = list(steps)
    seen = 0  # transcript length already matched by earlier steps
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            transcript += chunk
        if pending:
            wait_for, action = pending[0]
            at = transcript.find(wait_for.encode(), seen)
            if at >= 0:
                seen = at + len(wait_for.encode())
                pending.pop(0)
                time.sleep(0.05)
                if callable(action):
                    action(pid, fd)
                else:
                    os.write(fd, action.encode())
        if b'done.' in transcript:
            break
    else:
        os.kill(pid, signal.SIGKILL)
        last_transcript[0] = transcript.decode(errors='replace')
        raise SystemExit('timed out; transcript:\n' + last_transcript[0])
    os.waitpid(pid, 0)
    os.close(fd)
    text = transcript.decode(errors='replace')
    last_transcript[0] = text
    status = None
    for line in text.splitlines():
        if line.startswith('rc='):
            status = int(line[3:])
    answers = None
    with open(os.path.join(cwd, 'answers.json')) as f:
        out = f.read()
    if out.strip():
        try:
            answers = json.loads(out)
        except ValueError:
            answers = out  # not JSON (a generation's human report): the text itself
    with open(os.path.join(cwd, 'mode.before')) as f:
        before = f.read()
    with open(os.path.join(cwd, 'mode.after')) as f:
        after = f.read()
    return status, answers, text, before == after


def hypergen_pid(shell_pid):
    """The hypergen child of the shell."""
    out = subprocess.run(['ps', '-o', 'pid=', '--ppid', str(shell_pid)],
                         capture_output=True, text=True).stdout.split()
    return int(out[0]) if out else None


QUESTIONS = [
    {'type': 'input', 'name': 'title', 'message': 'Title?', 'initial': 'Hello'},
    {'type': 'input', 'name': 'slug', 'message': 'Slug?', 'pattern': '^[a-z]+$'},
    {'type': 'password', 'name': 'secret', 'message': 'Secret?'},
    {'type': 'numeral', 'name': 'count', 'message': 'Count?', 'initial': 3},
    {'type': 'confirm', 'name': 'sure', 'message': 'Sure?'},
    {'type': 'select', 'name': 'color', 'message': 'Color?',
     'choices': ['red', {'name': 'green', 'disabled': True}, {'name': 'blue', 'hint': 'nice'}]},
    {'type': 'autocomplete', 'name': 'fw', 'message': 'Framework?',
     'choices': ['react', 'preact', 'vue', 'svelte']},
    {'type': 'multiselect', 'name': 'tags', 'message': 'Tags?',
     'choices': ['a', 'b', 'c'], 'initial': ['c']},
]

UP, DOWN, LEFT = '\x1b[A', '\x1b[B', '\x1b[D'


def main():
    root = tempfile.mkdtemp(prefix='hypergen-tty-prompt-')
    try:
        with open(os.path.join(root, 'q.json'), 'w') as f:
            json.dump(QUESTIONS, f)
        with open(os.path.join(root, 'one.yml'), 'w') as f:
            f.write('- name: word\n  message: Word?\n')

        # 1. Every type, with real keys.
        status, answers, text, same_mode = run_pty(root, ['prompt', 'q.json'], [
            ('Title?', 'Wor' + LEFT + 'l' + '\x7f'),          # edit, then…
            ('Title? › Wor', '\x1b[F\x15World\r'),           # End, Ctrl-U, retype
            ('Slug?', 'Bad\r'),                                 # refused by the pattern
            ('Must match pattern', '\x15good\r'),
            ('Secret?', 's3cr\u00e9t\r'),
            ('Count?', UP + UP + '\r'),                          # 3 → 5
            ('Sure?', 'y'),
            ('Color?', DOWN + '\r'),                             # skips green
            ('Framework?', 'VU\r'),
            ('Tags?', ' ' + DOWN + DOWN + ' \r'),               # a on, c off
        ])
        check(status == 0, 'all types: exit status %r' % status)
        check(answers == {'title': 'World', 'slug': 'good', 'secret': 's3cr\u00e9t', 'count': 5,
                          'sure': True, 'color': 'blue', 'fw': 'vue', 'tags': ['a']},
              'all types: answers %r' % answers)
        for line in ('✔ Title? · World', '✔ Slug? · good', '✔ Secret? · ******',
                     '✔ Count? · 5', '✔ Sure? (y/N) · true', '✔ Color? · blue',
                     '✔ Framework? · vue', '✔ Tags? · a'):
            check(line in text, 'all types: final line %r shown' % line)
        check('s3cr' not in text, 'the password is never echoed')
        check('❯ Must match pattern: ^[a-z]+$' in text, 'the validation message is shown')
        check(same_mode, 'all types: terminal mode restored')

        # 2. UTF-8 typing and a resize in the middle of a question.
        def resize(pid, fd):
            set_size(fd, 24, 30)
        status, answers, text, same_mode = run_pty(root, ['prompt', 'one.yml'], [
            ('Word?', '日本'),
            ('日本', resize),
            ('Word? › 日本', 'é\x7f語\r'),
        ])
        check(status == 0, 'utf-8: exit status %r' % status)
        check(answers == {'word': '日本語'}, 'utf-8: answers %r' % answers)
        check('✔ Word? · 日本語' in text, 'utf-8: final line')
        check(same_mode, 'utf-8: terminal mode restored')

        # 3. Ctrl-C and Esc cancel: exit 130, nothing on stdout, mode restored.
        for name, key in (('Ctrl-C', '\x03'), ('Esc', '\x1b')):
            status, answers, text, same_mode = run_pty(root, ['prompt', 'q.json'], [
                ('Title?', 'abc'), ('Title? › abc', key)])
            check(status == 130, '%s: exit status %r' % (name, status))
            check(answers is None, '%s: no answers printed' % name)
            check('✖ Title? · abc' in text, '%s: the cancelled line' % name)
            check(same_mode, '%s: terminal mode restored' % name)

        # 4. SIGTERM from outside while raw: exit 130, mode restored.
        def terminate(pid, fd):
            child = hypergen_pid(pid)
            if child:
                os.kill(child, signal.SIGTERM)
        status, answers, text, same_mode = run_pty(root, ['prompt', 'q.json'], [
            ('Title?', terminate)])
        check(status == 130, 'SIGTERM: exit status %r' % status)
        check(same_mode, 'SIGTERM: terminal mode restored')

        # 5. No terminal: the unanswered questions, exit 8; --defaults answers.
        proc = subprocess.run([HYPERGEN, 'prompt', 'q.json'], cwd=root, capture_output=True,
                              stdin=subprocess.DEVNULL, text=True, env=dict(os.environ, NO_COLOR='1'))
        check(proc.returncode == 8, 'no terminal: exit status %d' % proc.returncode)
        for q in QUESTIONS:
            check('\n  %s' % q['name'] in proc.stderr, 'no terminal: %s listed' % q['name'])
        check(proc.stdout == '', 'no terminal: nothing on stdout')
        proc = subprocess.run([HYPERGEN, 'prompt', '--defaults', '-'], cwd=root,
                              input=json.dumps(QUESTIONS[:1] + QUESTIONS[3:]), capture_output=True,
                              text=True)
        check(proc.returncode == 0, '--defaults: exit status %d' % proc.returncode)
        check(json.loads(proc.stdout or 'null') ==
              {'title': 'Hello', 'count': 3, 'sure': False, 'color': 'red', 'fw': 'react',
               'tags': ['c']}, '--defaults: answers %r' % proc.stdout)
    finally:
        shutil.rmtree(root, ignore_errors=True)

    if failures:
        print('FAILED:\n  ' + '\n  '.join(failures))
        print('--- last transcript:\n' + last_transcript[0])
        return 1
    print('prompt command: every question type, cancel, signals and no-terminal runs behaved')
    return 0


if __name__ == '__main__':
    sys.exit(main())
