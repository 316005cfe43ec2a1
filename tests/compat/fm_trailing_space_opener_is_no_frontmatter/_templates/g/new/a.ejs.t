--- 
to: a.txt
---
body
