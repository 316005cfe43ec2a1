---
to: src/a/b/c/d.txt
---
escaped
