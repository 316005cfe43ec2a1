---
to: out.txt
---
name=<%- JSON.stringify(locals['name']) %> <%= typeof locals['name'] %>
