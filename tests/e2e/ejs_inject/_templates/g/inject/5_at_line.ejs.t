---
inject: true
to: src/app.js
at_line: 2
---
// line 2 <%- h.changeCase.constant(name) %>
