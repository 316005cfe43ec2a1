---
to: b.txt
---
b
