---
to: other.txt
unless_exists: true
---
fresh
