---
to: <%= file %>
---
class <%= className %> { port() { return <%= port %> } }
// name=<%= name %> Name=<%= Name %> names=<%= names %>
