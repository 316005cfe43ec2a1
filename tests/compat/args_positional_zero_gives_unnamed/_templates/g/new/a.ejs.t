---
to: out.txt
---
name=<%- JSON.stringify(locals['name']) %> <%= typeof locals['name'] %>
_=<%- JSON.stringify(locals['_']) %> <%= typeof locals['_'] %>
