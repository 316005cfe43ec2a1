---
to: f.txt
force: true
---
escaped
