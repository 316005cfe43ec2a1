---
to: link/escaped.txt
---
nope
