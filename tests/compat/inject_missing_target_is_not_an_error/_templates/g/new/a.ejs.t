---
to: src/router.js
inject: true
append: true
---
router.get('/<%= name %>');
