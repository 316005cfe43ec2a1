---
to: src/cli/index.js
inject: true
append: true
skip_if: "commands/{{ name | kebab_case }}.js"
eof_last: false
---
program.use(await import('./commands/{{ name | kebab_case }}.js'));
