---
to: out.txt
---
<%= h.capitalize(name) %>
