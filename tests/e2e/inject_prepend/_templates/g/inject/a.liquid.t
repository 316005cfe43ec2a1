---
to: src/router.js
inject: true
prepend: true
---
// header
