---
to: out/f09.txt
---
9 {{ name }}
