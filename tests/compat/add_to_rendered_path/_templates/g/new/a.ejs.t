---
to: out/<%= name %>.txt
---
hello <%= name %>
