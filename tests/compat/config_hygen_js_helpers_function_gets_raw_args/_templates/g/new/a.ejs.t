---
to: out.txt
---
<%= h.seen %>
