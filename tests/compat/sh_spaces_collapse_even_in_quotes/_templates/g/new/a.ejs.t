---
sh: printf '%s|' "a    b" c > out.txt
---
