---
to: out/{{ name }}/f39.txt
---
{% for k in (1..5) %}{{ name | upcase }}-39-{{ k }}
{% endfor %}{{ "abc" | append: "39" }}
