---
to: src/router.js
inject: true
append: true
eof_last: false
---
line

