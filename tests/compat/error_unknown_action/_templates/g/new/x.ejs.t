---
to: x.txt
---
x
