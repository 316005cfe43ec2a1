---
to: out/a.txt
---
a
