---
to: order.txt
inject: true
append: true
eof_last: false
---
Aa.t
