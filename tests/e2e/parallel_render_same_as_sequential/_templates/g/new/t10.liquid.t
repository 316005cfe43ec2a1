---
to: out/f10.txt
---
10 {{ name }}
