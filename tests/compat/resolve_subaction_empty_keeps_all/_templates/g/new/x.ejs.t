---
to: x.txt
---
<%= action %>|<%= locals.subaction %>
