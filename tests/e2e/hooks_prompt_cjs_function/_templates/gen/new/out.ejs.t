---
to: out/title.txt
---
<%= title %>
