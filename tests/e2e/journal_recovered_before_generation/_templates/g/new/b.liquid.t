---
to: src/b.txt
---
b
