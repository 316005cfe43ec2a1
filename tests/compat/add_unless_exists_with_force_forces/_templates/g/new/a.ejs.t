---
to: a.txt
unless_exists: true
force: true
---
new
