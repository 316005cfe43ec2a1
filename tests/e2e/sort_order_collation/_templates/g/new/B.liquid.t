---
to: out.txt
force: true
---
from B
