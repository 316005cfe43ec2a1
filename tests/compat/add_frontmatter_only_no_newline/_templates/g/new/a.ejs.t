---
to: empty.txt
---