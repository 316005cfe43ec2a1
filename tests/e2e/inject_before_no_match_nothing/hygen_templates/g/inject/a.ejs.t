---
to: src/router.js
inject: true
before: NOPE
eof_last: false
---
router.get('/<%= name %>', <%= name %>);
