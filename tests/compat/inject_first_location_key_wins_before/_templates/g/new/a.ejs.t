---
to: src/router.js
inject: true
before: "// routes"
after: "// routes"
eof_last: false
---
router.get('/<%= name %>');
