---
to: a.txt
---
two
