---
to: src/router.js
inject: true
after: "// routes"
skip_if: "'/{{ name }}'"
eof_last: false
---
router.get('/{{ name }}', {{ name }});
