---
to: out/{{ name }}/f14.txt
---
{% for k in (1..1) %}{{ name | upcase }}-14-{{ k }}
{% endfor %}{{ "abc" | append: "14" }}
