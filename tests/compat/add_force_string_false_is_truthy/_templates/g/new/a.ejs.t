---
to: a.txt
force: "false"
---
new
