---
to: out.txt
---
int=<%- JSON.stringify(locals['int']) %> <%= typeof locals['int'] %>
flt=<%- JSON.stringify(locals['flt']) %> <%= typeof locals['flt'] %>
exp=<%- JSON.stringify(locals['exp']) %> <%= typeof locals['exp'] %>
hex=<%- JSON.stringify(locals['hex']) %> <%= typeof locals['hex'] %>
neg=<%- JSON.stringify(locals['neg']) %> <%= typeof locals['neg'] %>
dot=<%- JSON.stringify(locals['dot']) %> <%= typeof locals['dot'] %>
lead=<%- JSON.stringify(locals['lead']) %> <%= typeof locals['lead'] %>
ver=<%- JSON.stringify(locals['ver']) %> <%= typeof locals['ver'] %>
v=<%- JSON.stringify(locals['v']) %> <%= typeof locals['v'] %>
big=<%- JSON.stringify(locals['big']) %> <%= typeof locals['big'] %>
