---
to: out/never.txt
---
start
<% let n = 0
   while (true) { n++ } %>
