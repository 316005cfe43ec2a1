---
to: out/comp.txt
---
comp
