---
inject: true
to: src/app.js
prepend: true
---
// top <%= names %>
