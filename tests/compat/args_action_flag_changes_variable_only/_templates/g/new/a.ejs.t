---
to: out.txt
---
action=<%- JSON.stringify(locals['action']) %> <%= typeof locals['action'] %>
generator=<%- JSON.stringify(locals['generator']) %> <%= typeof locals['generator'] %>
