---
to: a.txt
---
one
