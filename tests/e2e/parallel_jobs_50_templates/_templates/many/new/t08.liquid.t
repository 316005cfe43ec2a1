---
to: out/{{ name }}/f08.txt
---
{% for k in (1..2) %}{{ name | upcase }}-08-{{ k }}
{% endfor %}{{ "abc" | append: "08" }}
