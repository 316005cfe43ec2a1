#!/usr/bin/env python3
"""v8_prompt.py HYPERGEN

A template.yml generator run on a pseudo-terminal with no values given: each
variable is asked with the question type its declaration implies (text with a
pattern checked inline, select for an enum, numeral with a range, confirm for
a boolean), a variable whose `when` is false is not asked, one whose `when`
is true is; the generated file holds the answers, and the terminal mode is
restored. The same generator without a terminal asks nothing and fails with
the missing values listed (exit 8); with --yes it takes the defaults.
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from prompt_command import HYPERGEN, run_pty, check, failures, last_transcript, DOWN  # noqa: E402

MANIFEST = """name: card
description: A card
variables:
  name:
    type: string
    required: true
    pattern: "^[A-Z][A-Za-z]*$"
    prompt: Component name?
    validation:
      message: must be PascalCase
  style:
    type: enum
    values: [css, scss, none]
    default: css
    prompt: Style?
  count:
    type: number
    min: 1
    max: 9
    default: 2
    prompt: How many?
  withStory:
    type: boolean
    default: false
    prompt: Add a story?
  storyGroup:
    type: string
    default: Components
    when: withStory
    prompt: Story group?
"""

TEMPLATE = """---
to: out/{{ name }}.txt
---
{{ name }}|{{ style }}|{{ count }}|{{ withStory }}|{{ storyGroup }}
"""


def workspace(root):
    d = os.path.join(root, '_templates', 'card')
    os.makedirs(os.path.join(d, 'templates'))
    with open(os.path.join(d, 'template.yml'), 'w') as f:
        f.write(MANIFEST)
    with open(os.path.join(d, 'templates', 'card.txt.liquid'), 'w') as f:
        f.write(TEMPLATE)


def read(root, name):
    try:
        with open(os.path.join(root, 'out', name)) as f:
            return f.read()
    except OSError:
        return None


def main():
    root = tempfile.mkdtemp(prefix='hypergen-tty-v8-')
    try:
        workspace(root)
        # Every question, the `when` one included (withStory: yes).
        status, _, _, same_mode = run_pty(root, ['card'], [
            ('Component name?', 'card\r'),           # refused inline: not PascalCase
            ('must be PascalCase', '\x15Card\r'),    # Ctrl-U, then a good one
            ('Style?', DOWN + '\r'),                 # scss
            ('How many?', '\x157\r'),                # 7 (in range)
            ('Add a story?', 'y'),
            ('Story group?', '\x15Widgets\r'),
        ])
        check(status == 0, 'all asked: exit status %r' % status)
        check(same_mode, 'all asked: terminal mode restored')
        got = read(root, 'Card.txt')
        check(got == 'Card|scss|7|true|Widgets\n', 'all asked: generated %r' % got)

        # A flag answers its question; `when` false skips storyGroup.
        status, _, text, same_mode = run_pty(root, ['card', '--name', 'Deck'], [
            ('Style?', '\r'),                        # default css
            ('How many?', '\r'),                     # default 2
            ('Add a story?', '\r'),                  # default no
        ])
        check(status == 0, 'flags + when: exit status %r' % status)
        check(same_mode, 'flags + when: terminal mode restored')
        check('Component name?' not in text, 'flags + when: name was not asked')
        check('Story group?' not in text, 'flags + when: storyGroup (when: withStory) not asked')
        got = read(root, 'Deck.txt')
        check(got == 'Deck|css|2|false|Components\n', 'flags + when: generated %r (not asked, takes its default)' % got)

        # Without a terminal: nothing is asked, the missing value is named.
        env = dict(os.environ, NO_COLOR='1')
        r = subprocess.run([HYPERGEN, 'card'], cwd=root, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=30)
        check(r.returncode == 8, 'no tty: exit status %r' % r.returncode)
        check('--name' in r.stderr, 'no tty: the missing value is named: %r' % r.stderr)
        r = subprocess.run([HYPERGEN, 'card', '--name', 'Flag', '--yes'], cwd=root, env=env,
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
        check(r.returncode == 0, '--yes: exit status %r %s' % (r.returncode, r.stderr))
        got = read(root, 'Flag.txt')
        check(got == 'Flag|css|2|false|Components\n', '--yes: generated %r' % got)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if failures:
        print('FAILED:\n  ' + '\n  '.join(failures))
        print('--- last transcript:\n' + last_transcript[0])
        return 1
    print('template.yml prompts: text/pattern, select, numeral, confirm and `when` on a terminal')
    return 0


if __name__ == '__main__':
    sys.exit(main())
