---
to: b.txt
---
<%= notDefined %>
