---
to: sub.txt
---
x
