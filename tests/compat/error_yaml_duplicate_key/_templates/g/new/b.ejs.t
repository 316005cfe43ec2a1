---
to: b.txt
to: c.txt
---
b
