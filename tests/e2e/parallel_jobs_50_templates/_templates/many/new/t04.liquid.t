---
to: out/{{ name }}/f04.txt
---
{% for k in (1..5) %}{{ name | upcase }}-04-{{ k }}
{% endfor %}{{ "abc" | append: "04" }}
