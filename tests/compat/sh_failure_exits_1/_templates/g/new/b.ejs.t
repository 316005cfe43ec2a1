---
sh: exit 3
---
