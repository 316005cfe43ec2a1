---
to: out.txt
---
<%= title %> <%= ok %>
