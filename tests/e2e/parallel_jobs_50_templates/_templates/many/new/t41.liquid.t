---
to: out/{{ name }}/f41.txt
---
{% for k in (1..7) %}{{ name | upcase }}-41-{{ k }}
{% endfor %}{{ "abc" | append: "41" }}
