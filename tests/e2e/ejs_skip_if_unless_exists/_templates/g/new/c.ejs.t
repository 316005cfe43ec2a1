---
to: exists.txt
unless_exists: true
---
overwritten?
