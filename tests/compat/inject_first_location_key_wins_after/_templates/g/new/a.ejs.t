---
to: src/router.js
inject: true
after: "// routes"
before: "// routes"
eof_last: false
---
router.get('/<%= name %>');
