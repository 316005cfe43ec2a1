---
to: "<%= locals.wanted ? 'a.txt' : '' %>"
---
a
