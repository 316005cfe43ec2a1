---
to: src/<%= component %>.js
---
// <%= keys %>
export const <%= component %> = 1;
