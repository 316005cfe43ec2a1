---
to: a.txt
to: b.txt
---
b
