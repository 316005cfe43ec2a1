---
to: out/{{ name }}/f23.txt
---
{% for k in (1..3) %}{{ name | upcase }}-23-{{ k }}
{% endfor %}{{ "abc" | append: "23" }}
