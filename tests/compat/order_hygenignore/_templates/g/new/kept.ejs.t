---
to: kept.txt
---
x
