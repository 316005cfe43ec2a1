---
to: src/router.js
inject: true
after: "(unclosed"
---
x
