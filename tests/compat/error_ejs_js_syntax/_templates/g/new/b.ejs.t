---
to: b.txt
---
<% if ( { %>x<% } %>
