---
to: out.txt
sh: touch ran-sh.txt
---
body
