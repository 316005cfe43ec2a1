---
to: out.txt
---
<%- '<a href="x">Tom & Jerry\'s</a>' %>
