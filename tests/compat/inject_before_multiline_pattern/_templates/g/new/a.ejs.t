---
to: src/router.js
inject: true
before: "routes\nrouter"
eof_last: false
---
router.get('/<%= name %>');
