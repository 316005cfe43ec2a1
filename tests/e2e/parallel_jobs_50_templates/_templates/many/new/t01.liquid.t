---
to: out/{{ name }}/f01.txt
---
{% for k in (1..2) %}{{ name | upcase }}-01-{{ k }}
{% endfor %}{{ "abc" | append: "01" }}
