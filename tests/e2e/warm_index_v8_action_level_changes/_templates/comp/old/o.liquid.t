---
to: out/o.txt
---
o
