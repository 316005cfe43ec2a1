---
to: a.txt
---
line1
line2 <%= name %>
