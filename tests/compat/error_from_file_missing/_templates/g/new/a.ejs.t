---
to: a.txt
from: nope.txt
---
x
