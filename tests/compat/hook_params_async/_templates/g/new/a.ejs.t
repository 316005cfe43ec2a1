---
to: out.txt
---
<%= later %>
