---
to: src/router.js
inject: true
after: "// routes"
skip_if: "/users"
eof_last: false
---
router.get('/<%= name %>');
