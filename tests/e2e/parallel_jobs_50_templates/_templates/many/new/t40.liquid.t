---
to: out/{{ name }}/f40.txt
---
{% for k in (1..6) %}{{ name | upcase }}-40-{{ k }}
{% endfor %}{{ "abc" | append: "40" }}
