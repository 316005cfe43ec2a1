---
to: src/router.js
inject: true
after: "// routes"
skip_if: "/health"
eof_last: false
---
router.get('/<%= name %>');
