---
to: <%= nope %>.txt
---
x
