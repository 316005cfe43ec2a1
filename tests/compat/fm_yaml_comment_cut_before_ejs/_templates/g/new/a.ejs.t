---
to: out/<%= name %>.txt # a note
---
c
