---
to:
sh: touch ran-sh-2.txt
---
