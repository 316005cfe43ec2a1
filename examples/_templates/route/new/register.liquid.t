---
to: src/api/router.js
inject: true
after: "// routes"
skip_if: "'/{{ name | kebab_case }}'"
eof_last: false
---
router.get('/{{ name | kebab_case }}', {{ name | camel_case }});
