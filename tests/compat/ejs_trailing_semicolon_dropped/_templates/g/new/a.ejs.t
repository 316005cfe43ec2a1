---
to: out.txt
---
<%= name; %>|<%- name; %>
