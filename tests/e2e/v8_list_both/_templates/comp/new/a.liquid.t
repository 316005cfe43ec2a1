---
to: a.txt
---
a
