---
to: a.txt
---
<%= name
