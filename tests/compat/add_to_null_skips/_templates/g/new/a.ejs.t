---
to: null
---
a
