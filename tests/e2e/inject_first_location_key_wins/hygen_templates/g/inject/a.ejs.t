---
to: src/router.js
inject: true
before: export default
after: "// routes"
eof_last: false
---
router.get('/<%= name %>', <%= name %>);
