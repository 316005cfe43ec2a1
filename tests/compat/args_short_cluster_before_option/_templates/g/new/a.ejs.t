---
to: out.txt
---
a=<%- JSON.stringify(locals['a']) %> <%= typeof locals['a'] %>
b=<%- JSON.stringify(locals['b']) %> <%= typeof locals['b'] %>
c=<%- JSON.stringify(locals['c']) %> <%= typeof locals['c'] %>
z=<%- JSON.stringify(locals['z']) %> <%= typeof locals['z'] %>
