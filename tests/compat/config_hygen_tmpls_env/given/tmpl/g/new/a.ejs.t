---
to: out.txt
---
from tmpl
