---
to: y.txt
---
y
