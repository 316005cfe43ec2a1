---
to: src/router.js
inject: true
after: "routes\n"
eof_last: false
---
router.get('/<%= name %>');
