---
to: out/f07.txt
---
7 {{ name }}
