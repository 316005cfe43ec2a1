---
to: out.txt
---
<%= typeof locals.who %>
