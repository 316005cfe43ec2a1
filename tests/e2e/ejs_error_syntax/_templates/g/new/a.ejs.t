---
to: a.txt
---
ok
<% if (name { %>
x
<% } %>
