---
to: out.txt
---
name=<%- JSON.stringify(locals['name']) %> <%= typeof locals['name'] %>
Name=<%- JSON.stringify(locals['Name']) %> <%= typeof locals['Name'] %>
