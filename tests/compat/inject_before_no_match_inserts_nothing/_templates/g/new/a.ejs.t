---
to: src/router.js
inject: true
before: "nowhere"
eof_last: false
---
router.get('/<%= name %>');
