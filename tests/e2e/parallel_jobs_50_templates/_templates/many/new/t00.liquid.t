---
to: out/{{ name }}/f00.txt
---
{% for k in (1..1) %}{{ name | upcase }}-00-{{ k }}
{% endfor %}{{ "abc" | append: "00" }}
