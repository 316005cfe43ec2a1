---
to: out.txt
---
<%= attributes.to %> <%= Object.keys(attributes).join(',') %>
