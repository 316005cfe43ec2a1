#!/usr/bin/env python3
"""hook_prompt.py HYPERGEN

A Hygen generator whose prompt.js asks input, select, multiselect and confirm
questions (one with a JS `validate`, one with a JS `result`), answered with
real keys through a pseudo-terminal; the generated file must hold the
answers and the terminal mode must be restored. The same hook with a
`require('fs')` runs in node (skipped when node is not on PATH): its
questions are still asked by hypergen's prompter.
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from prompt_command import run_pty, check, failures, last_transcript, DOWN  # noqa: E402

HOOK = r"""%(require)s
module.exports = {
  prompt: async ({ prompter, args }) => {
    const a = await prompter.prompt([
      { type: 'input', name: 'title', message: 'Title?',
        validate: (v) => v.length > 2 || 'at least 3 letters' },
      { type: 'select', name: 'style', message: 'Style?', choices: ['css', 'scss', 'less'] },
    ])
    const b = await prompter.prompt([
      { type: 'multiselect', name: 'parts', message: 'Parts?', choices: ['a', 'b', 'c'],
        initial: ['c'] },
      { type: 'confirm', name: 'tests', message: 'Tests?', result: (v) => (v ? 'yes' : 'no') },
    ])
    return { ...a, ...b, via: %(via)s }
  },
}
"""

TEMPLATE = """---
to: out/<%= name %>.txt
---
<%= title %>|<%= style %>|<%= parts.join(',') %>|<%= tests %>|<%= via %>
"""


def generator(root, require, via):
    d = os.path.join(root, '_templates', 'comp', 'new')
    os.makedirs(d)
    with open(os.path.join(d, 'prompt.js'), 'w') as f:
        f.write(HOOK % {'require': require, 'via': via})
    with open(os.path.join(d, 'file.ejs.t'), 'w') as f:
        f.write(TEMPLATE)


def answer_all(root, label):
    status, _, text, same_mode = run_pty(root, ['comp', 'new', 'btn'], [
        ('Title?', 'ab\r'),                  # refused by validate
        ('at least 3 letters', 'c\r'),       # "abc"
        ('Style?', DOWN + '\r'),             # scss
        ('Parts?', ' ' + DOWN + DOWN + ' \r'),  # a on, c off
        ('Tests?', 'y'),
    ])
    check(status == 0, '%s: exit status %r' % (label, status))
    check(same_mode, '%s: terminal mode restored' % label)
    try:
        with open(os.path.join(root, 'out', 'btn.txt')) as f:
            return f.read()
    except OSError:
        return None


def main():
    root = tempfile.mkdtemp(prefix='hypergen-tty-hook-')
    try:
        generator(root, '', "'embedded'")
        got = answer_all(root, 'embedded')
        check(got == 'abc|scss|a|yes|embedded\n', 'embedded: generated %r' % got)
        shutil.rmtree(root)
        if shutil.which('node'):
            os.makedirs(root)
            generator(root, "const fs = require('fs')", "fs.existsSync('_templates') ? 'node' : '?'")
            got = answer_all(root, 'node')
            check(got == 'abc|scss|a|yes|node\n', 'node: generated %r' % got)
        else:
            print('node not on PATH: the node-path half is skipped')
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if failures:
        print('FAILED:\n  ' + '\n  '.join(failures))
        print('--- last transcript:\n' + last_transcript[0])
        return 1
    print('hook prompts: every question type answered on a terminal, embedded and in node')
    return 0


if __name__ == '__main__':
    sys.exit(main())
