---
inject: true
to: src/app.js
after: const x
skip_if: route\('<%= name %>'\)
---
never injected
