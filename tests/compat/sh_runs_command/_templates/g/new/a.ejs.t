---
sh: echo <%= name %> > sh-out.txt
---
