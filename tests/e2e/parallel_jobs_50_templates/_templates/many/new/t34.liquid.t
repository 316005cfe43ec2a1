---
to: out/{{ name }}/f34.txt
---
{% for k in (1..7) %}{{ name | upcase }}-34-{{ k }}
{% endfor %}{{ "abc" | append: "34" }}
