---
to: out/{{ name }}/f30.txt
---
{% for k in (1..3) %}{{ name | upcase }}-30-{{ k }}
{% endfor %}{{ "abc" | append: "30" }}
