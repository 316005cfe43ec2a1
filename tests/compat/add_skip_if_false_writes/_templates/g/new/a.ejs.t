---
to: a.txt
skip_if: <%= 1 > 2 %>
---
a
