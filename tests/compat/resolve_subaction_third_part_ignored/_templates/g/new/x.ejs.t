---
to: x.txt
---
<%= subaction %>
