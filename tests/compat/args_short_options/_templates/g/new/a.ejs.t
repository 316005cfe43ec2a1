---
to: out.txt
---
n=<%- JSON.stringify(locals['n']) %> <%= typeof locals['n'] %>
a=<%- JSON.stringify(locals['a']) %> <%= typeof locals['a'] %>
b=<%- JSON.stringify(locals['b']) %> <%= typeof locals['b'] %>
c=<%- JSON.stringify(locals['c']) %> <%= typeof locals['c'] %>
x=<%- JSON.stringify(locals['x']) %> <%= typeof locals['x'] %>
