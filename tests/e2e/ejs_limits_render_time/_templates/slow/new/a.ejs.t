---
to: out/ok.txt
---
fine
