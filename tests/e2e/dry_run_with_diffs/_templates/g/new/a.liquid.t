---
to: new.txt
---
brand new
