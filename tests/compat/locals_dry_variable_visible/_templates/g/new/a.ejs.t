---
to: out.txt
echo: dry=<%= dry %>
---
x
