---
to: kept.txt
---
kept
