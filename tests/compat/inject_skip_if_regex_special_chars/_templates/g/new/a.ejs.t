---
to: src/router.js
inject: true
before: "^export"
skip_if: get\('/health'\)
eof_last: false
---
router.get('/<%= name %>');
