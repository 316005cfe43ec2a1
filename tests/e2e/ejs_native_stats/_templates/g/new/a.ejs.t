---
to: out/<%= h.changeCase.param(name) %>.txt
---
<% if (name) { -%>
<%= h.inflection.pluralize(Name) %>
<% } -%>
