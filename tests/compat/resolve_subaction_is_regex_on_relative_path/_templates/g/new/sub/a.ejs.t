---
to: sub-a.txt
---
a
