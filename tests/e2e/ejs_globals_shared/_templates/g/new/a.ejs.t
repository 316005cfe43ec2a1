---
to: a.txt
---
<% counter = 1; shared = { list: [name] } -%>
a sets counter=<%= counter %>
