---
to: out.txt
---
<%= title %>
