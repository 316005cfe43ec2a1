---
to: a.txt
---
<%= `${name}` %>
