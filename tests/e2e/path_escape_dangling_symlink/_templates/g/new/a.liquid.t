---
to: new.txt
---
escaped
