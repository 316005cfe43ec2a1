---
to: a.txt
other: <%= locals.to %>|<%= locals.attributes %>
---
<%= attributes.other %>
