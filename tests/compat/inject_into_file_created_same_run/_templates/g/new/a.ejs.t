---
to: list.txt
---
first
last
