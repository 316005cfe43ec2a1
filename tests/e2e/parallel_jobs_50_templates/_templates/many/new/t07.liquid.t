---
to: out/{{ name }}/f07.txt
---
{% for k in (1..1) %}{{ name | upcase }}-07-{{ k }}
{% endfor %}{{ "abc" | append: "07" }}
