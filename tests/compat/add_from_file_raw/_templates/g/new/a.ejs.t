---
to: out/<%= name %>.txt
from: shared/license.txt
---
body ignored
