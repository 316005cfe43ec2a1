---
to: out/f01.txt
---
1 {{ name }}
