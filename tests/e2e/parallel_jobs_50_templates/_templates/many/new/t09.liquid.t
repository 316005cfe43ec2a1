---
to: out/{{ name }}/f09.txt
---
{% for k in (1..3) %}{{ name | upcase }}-09-{{ k }}
{% endfor %}{{ "abc" | append: "09" }}
