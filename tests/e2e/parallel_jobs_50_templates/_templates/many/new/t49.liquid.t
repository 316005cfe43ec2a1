---
to: out/{{ name }}/f49.txt
---
{% for k in (1..1) %}{{ name | upcase }}-49-{{ k }}
{% endfor %}{{ "abc" | append: "49" }}
