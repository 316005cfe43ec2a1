---
to: src/router.js
inject: true
at_line: 99
eof_last: false
---
router.get('/<%= name %>');
