---
to: b.txt
key: a: b
---
b
