---
to: src/router.js
inject: true
before: !!js/regexp /EXPORT/i
eof_last: false
---
router.get('/<%= name %>');
