---
to: w.txt
---
w
