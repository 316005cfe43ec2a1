---
to: empty.txt
---
