---
to: order.txt
---
first
