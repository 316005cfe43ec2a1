---
to: out.txt
---
eq=<%- JSON.stringify(locals['eq']) %> <%= typeof locals['eq'] %>
empty=<%- JSON.stringify(locals['empty']) %> <%= typeof locals['empty'] %>
q=<%- JSON.stringify(locals['q']) %> <%= typeof locals['q'] %>
sq=<%- JSON.stringify(locals['sq']) %> <%= typeof locals['sq'] %>
n=<%- JSON.stringify(locals['n']) %> <%= typeof locals['n'] %>
