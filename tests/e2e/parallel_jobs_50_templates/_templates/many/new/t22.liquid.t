---
to: out/{{ name }}/f22.txt
---
{% for k in (1..2) %}{{ name | upcase }}-22-{{ k }}
{% endfor %}{{ "abc" | append: "22" }}
