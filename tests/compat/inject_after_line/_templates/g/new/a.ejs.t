---
to: src/router.js
inject: true
after: "// routes"
eof_last: false
---
router.get('/<%= name %>');
