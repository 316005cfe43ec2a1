---
to: out.txt
---
<%= name // a comment %>|<%- name // another %>
