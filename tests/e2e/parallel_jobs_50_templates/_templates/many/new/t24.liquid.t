---
to: out/{{ name }}/f24.txt
---
{% for k in (1..4) %}{{ name | upcase }}-24-{{ k }}
{% endfor %}{{ "abc" | append: "24" }}
