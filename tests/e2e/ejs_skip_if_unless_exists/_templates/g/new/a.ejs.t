---
to: skipped.txt
skip_if: <%= name === 'bob' %>
---
not written
