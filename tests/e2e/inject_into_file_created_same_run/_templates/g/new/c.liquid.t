---
to: list.txt
inject: true
before: last
---
third