---
to: out/f11.txt
---
11 {{ name }}
