---
to: out.txt
---
tmpl
