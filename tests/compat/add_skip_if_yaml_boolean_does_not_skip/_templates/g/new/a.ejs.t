---
to: a.txt
skip_if: true
---
a
