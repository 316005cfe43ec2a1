---
to: a.txt
when: 2001-12-14
---
<%= attributes.when.toISOString() %> <%= attributes.when.getUTCFullYear() %>
