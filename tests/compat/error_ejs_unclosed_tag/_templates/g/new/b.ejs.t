---
to: b.txt
---
<%= name 
