---
to: b.txt
---
<%= name.nope.deeper %>
