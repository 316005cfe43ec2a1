---
to: out/{{ name }}/f10.txt
---
{% for k in (1..4) %}{{ name | upcase }}-10-{{ k }}
{% endfor %}{{ "abc" | append: "10" }}
