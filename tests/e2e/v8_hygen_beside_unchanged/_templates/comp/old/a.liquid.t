---
to: old.txt
---
old {{ name }} {{ extra }}
