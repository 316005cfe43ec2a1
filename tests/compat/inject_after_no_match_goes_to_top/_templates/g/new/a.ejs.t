---
to: src/router.js
inject: true
after: "nowhere"
eof_last: false
---
router.get('/<%= name %>');
