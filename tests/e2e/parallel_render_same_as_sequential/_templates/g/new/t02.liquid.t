---
to: out/f02.txt
---
2 {{ name }}
