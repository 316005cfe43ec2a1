---
echo: hello <%= name %>
---
