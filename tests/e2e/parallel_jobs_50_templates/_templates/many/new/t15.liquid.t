---
to: out/{{ name }}/f15.txt
---
{% for k in (1..2) %}{{ name | upcase }}-15-{{ k }}
{% endfor %}{{ "abc" | append: "15" }}
