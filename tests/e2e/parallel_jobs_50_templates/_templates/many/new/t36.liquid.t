---
to: out/{{ name }}/f36.txt
---
{% for k in (1..2) %}{{ name | upcase }}-36-{{ k }}
{% endfor %}{{ "abc" | append: "36" }}
