---
to: "a\0b.txt"
---
escaped
