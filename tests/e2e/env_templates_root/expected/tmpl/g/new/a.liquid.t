---
to: a.txt
---
from env root
