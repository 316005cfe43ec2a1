---
to: b-<%= leaked.length %>.txt
---
<%= leaked %>
