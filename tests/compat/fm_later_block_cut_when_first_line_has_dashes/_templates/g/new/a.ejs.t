title --- x
---
to: a.txt
---
after
