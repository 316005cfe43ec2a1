---
to: src/router.js
inject: true
after: "routes\nrouter"
eof_last: false
---
router.get('/<%= name %>');
