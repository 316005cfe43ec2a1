---
foo: bar
---
body without a target
