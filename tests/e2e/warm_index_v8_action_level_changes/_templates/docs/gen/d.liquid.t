---
to: out/d.txt
---
d
