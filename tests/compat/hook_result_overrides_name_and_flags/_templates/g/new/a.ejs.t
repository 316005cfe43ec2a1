---
to: out.txt
---
<%= name %> <%= Name %> <%= names %> <%= flag %>
