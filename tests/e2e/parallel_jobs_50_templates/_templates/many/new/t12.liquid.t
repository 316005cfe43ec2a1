---
to: out/{{ name }}/f12.txt
---
{% for k in (1..6) %}{{ name | upcase }}-12-{{ k }}
{% endfor %}{{ "abc" | append: "12" }}
