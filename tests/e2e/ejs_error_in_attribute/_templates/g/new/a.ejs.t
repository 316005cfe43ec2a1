---
message: hi
to: <%= nope %>.txt
---
body
