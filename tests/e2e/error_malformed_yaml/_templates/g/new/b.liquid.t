---
to: b.txt
key: [unclosed
---
b
