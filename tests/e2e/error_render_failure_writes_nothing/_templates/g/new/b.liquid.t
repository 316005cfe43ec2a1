---
to: b.txt
---
{{ name | no_such_filter }}
