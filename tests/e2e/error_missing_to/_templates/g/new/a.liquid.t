---
inject: true
after: foo
---
x
