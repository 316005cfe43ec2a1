---
to: out/{{ name }}/f42.txt
---
{% for k in (1..1) %}{{ name | upcase }}-42-{{ k }}
{% endfor %}{{ "abc" | append: "42" }}
