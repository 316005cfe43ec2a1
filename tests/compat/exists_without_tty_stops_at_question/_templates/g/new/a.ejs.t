---
to: a.txt
---
new a
