---
to: same.txt
force: true
---
from b
