---
to: out.txt
---
name => <%- JSON.stringify(name) %>
Name => <%- JSON.stringify(Name) %>
names => <%- JSON.stringify(names) %>
Names => <%- JSON.stringify(Names) %>
