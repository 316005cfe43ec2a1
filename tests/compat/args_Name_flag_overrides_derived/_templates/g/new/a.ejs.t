---
to: out.txt
---
name=<%- JSON.stringify(locals['name']) %> <%= typeof locals['name'] %>
Name=<%- JSON.stringify(locals['Name']) %> <%= typeof locals['Name'] %>
names=<%- JSON.stringify(locals['names']) %> <%= typeof locals['names'] %>
Names=<%- JSON.stringify(locals['Names']) %> <%= typeof locals['Names'] %>
