---
to: out/{{ name }}/f19.txt
---
{% for k in (1..6) %}{{ name | upcase }}-19-{{ k }}
{% endfor %}{{ "abc" | append: "19" }}
