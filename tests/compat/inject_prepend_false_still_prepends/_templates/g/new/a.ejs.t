---
to: src/router.js
inject: true
prepend: false
eof_last: false
---
router.get('/<%= name %>');
