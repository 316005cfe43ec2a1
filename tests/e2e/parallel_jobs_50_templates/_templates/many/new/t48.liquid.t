---
to: out/{{ name }}/f48.txt
---
{% for k in (1..7) %}{{ name | upcase }}-48-{{ k }}
{% endfor %}{{ "abc" | append: "48" }}
