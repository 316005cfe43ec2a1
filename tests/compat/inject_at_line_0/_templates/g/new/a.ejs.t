---
to: src/router.js
inject: true
at_line: 0
eof_last: false
---
router.get('/<%= name %>');
