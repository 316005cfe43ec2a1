---
to: out/e.txt
---
e
