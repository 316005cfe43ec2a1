---
to: src/router.js
inject: true
append: true
eof_last: true
---
// no newline