---
to: comp.txt
---
<%= action %> <%= subaction %>
