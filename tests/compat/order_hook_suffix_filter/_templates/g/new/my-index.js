---
to: my-index.txt
---
x
