---
to: out.txt
---
opt=<%- JSON.stringify(locals['opt']) %> <%= typeof locals['opt'] %>
