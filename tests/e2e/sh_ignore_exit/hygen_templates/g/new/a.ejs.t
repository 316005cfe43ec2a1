---
sh: exit 3
sh_ignore_exit: true
---
