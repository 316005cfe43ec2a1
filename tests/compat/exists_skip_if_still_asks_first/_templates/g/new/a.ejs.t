---
to: a.txt
skip_if: "true"
---
new a
