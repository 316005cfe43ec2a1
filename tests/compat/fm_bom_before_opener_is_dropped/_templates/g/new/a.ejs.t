---
to: a.txt
---
body
