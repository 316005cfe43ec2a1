---
to: a.txt
---
no newline