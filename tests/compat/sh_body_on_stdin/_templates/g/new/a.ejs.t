---
sh: cat > from-stdin.txt
---
line one
line two
