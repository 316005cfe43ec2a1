---
to: out/<%= name %>.txt
---
<%= name %>|<%- name %>
