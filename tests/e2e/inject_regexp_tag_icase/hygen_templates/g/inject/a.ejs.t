---
to: src/router.js
inject: true
after: !!js/regexp /ROUTES/i
eof_last: false
---
router.get('/<%= name %>', <%= name %>);
