---
to: out/u.txt
---
u
