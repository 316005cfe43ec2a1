---
to: null
---
never
