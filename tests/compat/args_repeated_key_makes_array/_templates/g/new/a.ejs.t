---
to: out.txt
---
tag=<%- JSON.stringify(locals['tag']) %> <%= typeof locals['tag'] %>
