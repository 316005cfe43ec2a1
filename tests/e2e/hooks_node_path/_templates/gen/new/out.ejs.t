---
to: out/<%= snake %>.txt
---
<%= pkgName %>: <%= title %>
