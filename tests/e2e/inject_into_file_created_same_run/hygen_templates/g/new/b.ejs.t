---
to: list.txt
inject: true
after: first
---
second