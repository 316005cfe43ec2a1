---
to: out.txt
---
[<%= locals.missing %>] <%= typeof locals.missing %> <%= 'missing' in locals %>
