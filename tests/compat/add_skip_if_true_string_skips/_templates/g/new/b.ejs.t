---
to: b.txt
skip_if: "true"
---
b
