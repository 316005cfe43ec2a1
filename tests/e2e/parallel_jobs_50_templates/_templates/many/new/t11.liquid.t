---
to: out/{{ name }}/f11.txt
---
{% for k in (1..5) %}{{ name | upcase }}-11-{{ k }}
{% endfor %}{{ "abc" | append: "11" }}
