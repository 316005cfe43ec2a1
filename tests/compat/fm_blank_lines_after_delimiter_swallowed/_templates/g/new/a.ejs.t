---
to: a.txt
---


   
  indented
next
