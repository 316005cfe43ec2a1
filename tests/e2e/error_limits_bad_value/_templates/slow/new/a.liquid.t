---
to: out/a.txt
---
x
