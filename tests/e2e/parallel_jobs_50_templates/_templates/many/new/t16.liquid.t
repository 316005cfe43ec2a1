---
to: out/{{ name }}/f16.txt
---
{% for k in (1..3) %}{{ name | upcase }}-16-{{ k }}
{% endfor %}{{ "abc" | append: "16" }}
