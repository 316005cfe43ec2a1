---
to: src/router.js
inject: true
before: export default
eof_last: false
---
router.get('/<%= name %>', <%= name %>);
