---
to: out.txt
---


  indented first line
second
