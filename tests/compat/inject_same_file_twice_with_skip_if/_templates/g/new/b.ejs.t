---
to: r.txt
inject: true
append: true
skip_if: users
eof_last: false
---
<%= name %> again
