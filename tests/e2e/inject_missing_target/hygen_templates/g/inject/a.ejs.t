---
to: src/missing.js
inject: true
append: true
---
x
