---
to: list.txt
inject: true
before: last
---
middle
