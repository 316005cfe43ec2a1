---
to: draft.txt
---
draft
