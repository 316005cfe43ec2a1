---
to: src/router.js
inject: true
at_line: 2
eof_last: false
---
router.get('/<%= name %>');
