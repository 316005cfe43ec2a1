---
to: after.txt
---
after
