---
to: same.txt
---
from a
