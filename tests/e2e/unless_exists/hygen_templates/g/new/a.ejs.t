---
to: config.json
unless_exists: true
---
{"new": true}
