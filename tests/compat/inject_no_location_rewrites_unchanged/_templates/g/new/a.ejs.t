---
to: src/router.js
inject: true
eof_last: false
---
router.get('/<%= name %>');
