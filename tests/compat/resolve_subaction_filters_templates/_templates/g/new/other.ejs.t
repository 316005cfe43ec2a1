---
to: other.txt
---
o
