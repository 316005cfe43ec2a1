---
to: out/f08.txt
---
8 {{ name }}
