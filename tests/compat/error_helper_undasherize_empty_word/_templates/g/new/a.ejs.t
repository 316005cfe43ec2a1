---
to: out.txt
---
<%= h.inflection.undasherize('a--b') %>
