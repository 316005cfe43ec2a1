---
to: out/test.txt
---
test
