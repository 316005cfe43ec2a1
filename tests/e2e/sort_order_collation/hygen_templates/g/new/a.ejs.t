---
to: out.txt
force: true
---
from a
