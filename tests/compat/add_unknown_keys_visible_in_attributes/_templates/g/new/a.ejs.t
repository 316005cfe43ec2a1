---
to: a.txt
custom: <%= name %>-x
num: 3
---
<%= attributes.custom %> <%= attributes.num + 1 %> <%= attributes.to %>
