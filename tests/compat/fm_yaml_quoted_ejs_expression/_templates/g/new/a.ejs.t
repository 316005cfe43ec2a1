---
to: "out/<%= locals.kind ? 'k' : 'plain' %>.txt"
---
q
