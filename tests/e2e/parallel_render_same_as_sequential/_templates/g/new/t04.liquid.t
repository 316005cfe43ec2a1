---
to: out/f04.txt
---
4 {{ name }}
