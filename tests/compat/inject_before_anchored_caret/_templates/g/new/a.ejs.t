---
to: src/router.js
inject: true
before: "^export"
eof_last: false
---
router.get('/<%= name %>');
