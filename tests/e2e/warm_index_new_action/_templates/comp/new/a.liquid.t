---
to: out/{{ name }}.txt
---
new {{ name }}
