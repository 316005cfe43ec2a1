---
to: b.txt
message: second
---
b
