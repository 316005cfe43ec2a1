---
to: c.txt
---
c (plain .t) sees counter=<%= counter %>, list=<%= shared.list.join('+') %>
