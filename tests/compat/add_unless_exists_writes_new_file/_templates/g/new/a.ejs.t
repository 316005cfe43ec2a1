---
to: a.txt
unless_exists: true
---
new
