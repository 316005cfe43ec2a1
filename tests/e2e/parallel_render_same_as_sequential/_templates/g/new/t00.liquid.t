---
to: out/f00.txt
---
0 {{ name }}
