---
to: src/router.js
inject: true
before: "// routes"
eof_last: false
---
router.get('/<%= name %>');
