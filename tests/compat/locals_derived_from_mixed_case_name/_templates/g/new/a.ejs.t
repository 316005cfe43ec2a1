---
to: out.txt
---
Name => <%- JSON.stringify(Name) %>
names => <%- JSON.stringify(names) %>
Names => <%- JSON.stringify(Names) %>
