---
to: out/{{ name }}/f47.txt
---
{% for k in (1..6) %}{{ name | upcase }}-47-{{ k }}
{% endfor %}{{ "abc" | append: "47" }}
