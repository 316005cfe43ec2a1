---
to: out.txt
---
line1
line2
