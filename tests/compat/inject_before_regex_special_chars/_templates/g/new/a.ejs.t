---
to: src/router.js
inject: true
before: '\$mount\(app\)'
eof_last: false
---
router.get('/<%= name %>');
