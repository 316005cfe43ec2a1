---
to: b.txt
---
new b
