---
to: out/b.txt
---
old body
