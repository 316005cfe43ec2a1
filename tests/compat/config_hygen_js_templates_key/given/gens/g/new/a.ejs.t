---
to: out.txt
---
<%= h.path.basename(templates) %>
