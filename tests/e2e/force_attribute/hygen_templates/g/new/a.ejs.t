---
to: config.json
force: true
---
{"new": true}
