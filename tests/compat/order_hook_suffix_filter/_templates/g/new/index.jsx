---
to: index-jsx.txt
---
x
