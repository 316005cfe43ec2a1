---
to: ok.txt
---
ok
