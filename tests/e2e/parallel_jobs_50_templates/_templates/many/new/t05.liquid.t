---
to: out/{{ name }}/f05.txt
---
{% for k in (1..6) %}{{ name | upcase }}-05-{{ k }}
{% endfor %}{{ "abc" | append: "05" }}
