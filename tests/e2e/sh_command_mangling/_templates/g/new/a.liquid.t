---
sh: printf '%s|' one\ two    three > mangled.txt
---
