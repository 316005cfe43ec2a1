---
to: <%= generator %>-<%= action %>-<%= name %>.txt
---
sub=<%= locals.subaction %> _=<%= _.join(',') %>
