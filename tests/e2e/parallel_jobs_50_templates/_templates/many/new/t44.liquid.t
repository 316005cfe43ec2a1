---
to: out/{{ name }}/f44.txt
---
{% for k in (1..3) %}{{ name | upcase }}-44-{{ k }}
{% endfor %}{{ "abc" | append: "44" }}
