---
to: a.txt
skip_if: "{% if skip %}true{% endif %}"
---
a
