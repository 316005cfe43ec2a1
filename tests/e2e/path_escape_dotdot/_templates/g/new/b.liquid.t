---
to: ../outside.txt
---
nope
