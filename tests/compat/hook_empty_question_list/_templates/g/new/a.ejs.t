---
to: out.txt
---
<%= name %>
