---
to: out.txt
---
<%= typeof this %> <%= this === globalThis %>
