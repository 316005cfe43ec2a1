---
to: src/router.js
inject: true
prepend: true
eof_last: false
---
router.get('/<%= name %>');
