---
to: ../outside.txt
---
allowed
