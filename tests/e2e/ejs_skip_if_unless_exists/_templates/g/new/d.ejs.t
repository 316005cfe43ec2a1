---
to: "<%= name === 'bob' ? null : 'conditional.txt' %>"
---
only when not bob
