---
to: out/{{ name }}/f20.txt
---
{% for k in (1..7) %}{{ name | upcase }}-20-{{ k }}
{% endfor %}{{ "abc" | append: "20" }}
