---
to: out/f05.txt
---
5 {{ name }}
