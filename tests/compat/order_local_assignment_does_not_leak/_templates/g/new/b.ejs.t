---
to: b.txt
---
<%= name %>
