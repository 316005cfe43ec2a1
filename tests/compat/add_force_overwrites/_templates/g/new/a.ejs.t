---
to: a.txt
force: true
---
new
