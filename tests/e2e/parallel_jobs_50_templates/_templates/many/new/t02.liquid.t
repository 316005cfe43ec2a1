---
to: out/{{ name }}/f02.txt
---
{% for k in (1..3) %}{{ name | upcase }}-02-{{ k }}
{% endfor %}{{ "abc" | append: "02" }}
