---
to: out/{{ name }}/f27.txt
---
{% for k in (1..7) %}{{ name | upcase }}-27-{{ k }}
{% endfor %}{{ "abc" | append: "27" }}
