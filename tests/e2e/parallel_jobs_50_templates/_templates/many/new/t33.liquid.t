---
to: out/{{ name }}/f33.txt
---
{% for k in (1..6) %}{{ name | upcase }}-33-{{ k }}
{% endfor %}{{ "abc" | append: "33" }}
