---
to: b.txt
---
line 1
line 2 <%= notDefined %>
