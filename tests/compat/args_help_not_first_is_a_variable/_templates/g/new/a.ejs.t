---
to: out.txt
---
help=<%- JSON.stringify(locals['help']) %> <%= typeof locals['help'] %>
