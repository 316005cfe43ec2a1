---
to: out.txt
---
_=<%- JSON.stringify(locals['_']) %> <%= typeof locals['_'] %>
name=<%- JSON.stringify(locals['name']) %> <%= typeof locals['name'] %>
