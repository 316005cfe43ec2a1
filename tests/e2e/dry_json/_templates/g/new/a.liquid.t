---
to: new.txt
---
x
