---
to: a.txt
message: first <%= name %>
---
a
