---
to: out/{{ name }}/f43.txt
---
{% for k in (1..2) %}{{ name | upcase }}-43-{{ k }}
{% endfor %}{{ "abc" | append: "43" }}
