---
to: out.txt
---
from _templates
