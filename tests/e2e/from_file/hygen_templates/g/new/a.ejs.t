---
to: copied.txt
from: shared/raw.txt
---
ignored body
