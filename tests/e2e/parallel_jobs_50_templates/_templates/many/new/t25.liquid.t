---
to: out/{{ name }}/f25.txt
---
{% for k in (1..5) %}{{ name | upcase }}-25-{{ k }}
{% endfor %}{{ "abc" | append: "25" }}
