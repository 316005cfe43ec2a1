---
to: src/router.js
inject: true
after: NOPE
eof_last: false
---
router.get('/<%= name %>', <%= name %>);
