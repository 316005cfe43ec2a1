---
to: order.txt
inject: true
append: true
eof_last: false
---
x+y.t
