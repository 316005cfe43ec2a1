---
inject: true
to: src/app.js
append: true
---
// end <%= Names %>
