---
to: out/allowed.txt
---
escaped
