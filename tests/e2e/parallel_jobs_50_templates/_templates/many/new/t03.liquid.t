---
to: out/{{ name }}/f03.txt
---
{% for k in (1..4) %}{{ name | upcase }}-03-{{ k }}
{% endfor %}{{ "abc" | append: "03" }}
