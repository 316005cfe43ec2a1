---
to: out.txt
---
_=<%- JSON.stringify(locals['_']) %> <%= typeof locals['_'] %>
k=<%- JSON.stringify(locals['k']) %> <%= typeof locals['k'] %>
after=<%- JSON.stringify(locals['after']) %> <%= typeof locals['after'] %>
name=<%- JSON.stringify(locals['name']) %> <%= typeof locals['name'] %>
