---
to: out/{{ name }}/f13.txt
---
{% for k in (1..7) %}{{ name | upcase }}-13-{{ k }}
{% endfor %}{{ "abc" | append: "13" }}
