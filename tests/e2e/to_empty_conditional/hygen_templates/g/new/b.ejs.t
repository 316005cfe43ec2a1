---
to: out/main.txt
---
main
