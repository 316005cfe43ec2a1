---
to: out/{{ name }}/f38.txt
---
{% for k in (1..4) %}{{ name | upcase }}-38-{{ k }}
{% endfor %}{{ "abc" | append: "38" }}
