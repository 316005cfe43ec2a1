---
to: not-skipped.txt
skip_if: <%= name === 'alice' %>
---
written for <%= name %>
