---
to: out.txt
---
<%= title %> <%= ok %> <%= typeof ok %>
