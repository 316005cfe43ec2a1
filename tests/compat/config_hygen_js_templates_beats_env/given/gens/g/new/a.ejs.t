---
to: out.txt
---
gens
