---
to: out/a-{{ name }}.txt
---
a {{ name }}
