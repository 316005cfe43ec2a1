---
to: b.txt
---
line one
{% if name %}
never closed
