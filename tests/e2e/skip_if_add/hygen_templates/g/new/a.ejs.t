---
to: a.txt
skip_if: "<%= locals.skip ? true : '' %>"
---
a
