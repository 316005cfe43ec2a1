---
to: src/<%= name %>/index.js
---
// <%= message %> (<%= style %>, tests: <%= tests %>)
export const <%= Name %> = () => '<%= message %>'
