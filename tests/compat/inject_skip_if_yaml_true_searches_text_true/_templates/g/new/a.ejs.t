---
to: src/router.js
inject: true
append: true
skip_if: true
eof_last: false
---
router.get('/<%= name %>');
