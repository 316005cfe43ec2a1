---
to: src/router.js
inject: true
append: true
eof_last: true
---
line<%# no newline -%>
