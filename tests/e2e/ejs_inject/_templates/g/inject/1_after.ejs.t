---
inject: true
to: src/app.js
after: // routes
---
route('<%= name %>')
