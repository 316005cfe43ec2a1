---
sh: cat > from-sh.txt
---
hello <%= name %>
