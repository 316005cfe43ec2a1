---
to: a.txt
...
body
