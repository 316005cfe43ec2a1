---
to: out.txt
---
flag=<%- JSON.stringify(locals['flag']) %> <%= typeof locals['flag'] %>
off=<%- JSON.stringify(locals['off']) %> <%= typeof locals['off'] %>
t=<%- JSON.stringify(locals['t']) %> <%= typeof locals['t'] %>
f=<%- JSON.stringify(locals['f']) %> <%= typeof locals['f'] %>
last=<%- JSON.stringify(locals['last']) %> <%= typeof locals['last'] %>
