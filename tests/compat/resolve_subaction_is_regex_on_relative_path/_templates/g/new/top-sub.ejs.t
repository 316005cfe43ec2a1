---
to: top.txt
---
t
