---
to: src/router.js
inject: true
before: "EXPORT"
eof_last: false
---
router.get('/<%= name %>');
