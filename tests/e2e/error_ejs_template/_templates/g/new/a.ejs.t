---
to: a.txt
---
<%= name %>
