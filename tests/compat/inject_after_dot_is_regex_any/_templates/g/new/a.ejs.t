---
to: src/router.js
inject: true
after: "a.b"
eof_last: false
---
router.get('/<%= name %>');
