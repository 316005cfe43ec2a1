---
to: ignored.txt
---
x
