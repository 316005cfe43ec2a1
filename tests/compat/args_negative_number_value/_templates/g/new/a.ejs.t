---
to: out.txt
---
n=<%- JSON.stringify(locals['n']) %> <%= typeof locals['n'] %>
m=<%- JSON.stringify(locals['m']) %> <%= typeof locals['m'] %>
x=<%- JSON.stringify(locals['x']) %> <%= typeof locals['x'] %>
