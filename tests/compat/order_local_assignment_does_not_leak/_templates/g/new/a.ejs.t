---
to: a.txt
---
<% name = 'changed' %><%= name %>
