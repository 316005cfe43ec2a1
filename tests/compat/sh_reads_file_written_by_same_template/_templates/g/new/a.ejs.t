---
to: made.txt
sh: cat - made.txt > copy.txt
---
content
