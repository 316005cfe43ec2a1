---
to: a.txt
---
hello {{ name
