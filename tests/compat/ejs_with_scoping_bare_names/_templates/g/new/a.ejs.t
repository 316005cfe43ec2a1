---
to: out.txt
---
<%= typeof name %> <%= typeof h %> <%= typeof locals %>
