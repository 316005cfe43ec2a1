---
to: out/f03.txt
---
3 {{ name }}
