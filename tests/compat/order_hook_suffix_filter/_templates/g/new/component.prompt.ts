---
to: prompt-ts.txt
---
x
