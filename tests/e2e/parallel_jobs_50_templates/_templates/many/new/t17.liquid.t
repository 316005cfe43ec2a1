---
to: out/{{ name }}/f17.txt
---
{% for k in (1..4) %}{{ name | upcase }}-17-{{ k }}
{% endfor %}{{ "abc" | append: "17" }}
