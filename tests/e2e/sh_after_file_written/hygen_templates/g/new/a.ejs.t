---
to: made.txt
sh: cp made.txt copy.txt
---
content
