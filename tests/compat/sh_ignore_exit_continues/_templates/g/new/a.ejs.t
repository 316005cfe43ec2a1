---
sh: "false"
sh_ignore_exit: true
---
