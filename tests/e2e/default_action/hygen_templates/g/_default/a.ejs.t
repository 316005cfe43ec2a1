---
to: out/<%= name %>.txt
---
default <%= action %>
