---
to: out/c.txt
---
c
