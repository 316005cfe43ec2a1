---
to: c.txt
---
c
