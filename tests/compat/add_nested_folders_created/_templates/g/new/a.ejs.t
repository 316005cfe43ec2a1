---
to: a/b/c/d.txt
---
deep
