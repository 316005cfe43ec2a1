---
to: a.txt
list:
  - <%= name %>
map:
  k: <%= name %>
---
<%- attributes.list[0] %> <%- attributes.map.k %>
