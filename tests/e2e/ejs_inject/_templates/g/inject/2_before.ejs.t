---
inject: true
to: src/app.js
before: export default
---
// before export: <%= Name %>
