---
to: out.txt
---
<%= who %>
