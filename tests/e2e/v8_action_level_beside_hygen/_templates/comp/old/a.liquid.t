---
to: old.txt
---
old {{ name }}
