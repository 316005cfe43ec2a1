---
sh: printf '%s|' one\ two three > out.txt
---
