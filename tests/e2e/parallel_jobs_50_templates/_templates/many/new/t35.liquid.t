---
to: out/{{ name }}/f35.txt
---
{% for k in (1..1) %}{{ name | upcase }}-35-{{ k }}
{% endfor %}{{ "abc" | append: "35" }}
