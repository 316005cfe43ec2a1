---
to: out/{{ name }}/f46.txt
---
{% for k in (1..5) %}{{ name | upcase }}-46-{{ k }}
{% endfor %}{{ "abc" | append: "46" }}
