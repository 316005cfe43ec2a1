---
to: a.txt
---
<% leaked = 'from a' %>a
