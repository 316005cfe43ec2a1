---
to: out.txt
---
<% for (let i = 0; i < 3; i++) { %>item <%= i %>
<% } %>end
