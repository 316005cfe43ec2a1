---
to: out/{{ name }}/f45.txt
---
{% for k in (1..4) %}{{ name | upcase }}-45-{{ k }}
{% endfor %}{{ "abc" | append: "45" }}
