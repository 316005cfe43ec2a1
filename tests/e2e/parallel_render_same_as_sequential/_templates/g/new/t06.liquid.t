---
to: out/f06.txt
---
6 {{ name }}
