---
to: config.json
---
{"new": true}
