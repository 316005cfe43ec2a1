---
sh: echo x > out.txt
---
