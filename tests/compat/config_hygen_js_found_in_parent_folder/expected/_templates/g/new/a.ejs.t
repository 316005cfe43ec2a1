---
to: out.txt
---
<%= h.up() %>
