---
to: "<%= locals.test ? 'out/test.txt' : '' %>"
---
test
