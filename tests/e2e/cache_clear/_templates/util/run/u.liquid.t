---
to: out/util.txt
---
util
