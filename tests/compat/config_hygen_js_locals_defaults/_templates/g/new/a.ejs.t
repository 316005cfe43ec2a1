---
to: out.txt
---
<%= name %> <%= Name %> <%= author %> <%= other %>
