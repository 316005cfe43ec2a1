---
to: out/{{ name }}/f28.txt
---
{% for k in (1..1) %}{{ name | upcase }}-28-{{ k }}
{% endfor %}{{ "abc" | append: "28" }}
