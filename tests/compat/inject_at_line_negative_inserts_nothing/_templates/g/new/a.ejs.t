---
to: src/router.js
inject: true
at_line: -1
eof_last: false
---
router.get('/<%= name %>');
