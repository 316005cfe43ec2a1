---
to: src/index.ts
---
// exports
