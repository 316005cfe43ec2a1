---
to: new.txt
---
{{ name }}
