---
to: a.txt
---
dry=<%= dry %>
