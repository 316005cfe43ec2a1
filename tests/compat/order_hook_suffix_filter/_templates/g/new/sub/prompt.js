---
to: sub-prompt.txt
---
x
