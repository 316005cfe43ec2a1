---
to: a.txt
unless_exists: true
sh: cat - a.txt > copy.txt
---
new
