---
to: out/{{ name }}/f29.txt
---
{% for k in (1..2) %}{{ name | upcase }}-29-{{ k }}
{% endfor %}{{ "abc" | append: "29" }}
