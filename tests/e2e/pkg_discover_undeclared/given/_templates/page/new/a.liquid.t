---
to: p.txt
---
p
