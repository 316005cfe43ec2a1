---
to: a.txt
---
fine
