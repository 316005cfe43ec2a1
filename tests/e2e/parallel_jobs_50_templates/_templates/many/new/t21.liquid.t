---
to: out/{{ name }}/f21.txt
---
{% for k in (1..1) %}{{ name | upcase }}-21-{{ k }}
{% endfor %}{{ "abc" | append: "21" }}
