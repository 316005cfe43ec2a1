---
to: out/{{ name }}/f37.txt
---
{% for k in (1..3) %}{{ name | upcase }}-37-{{ k }}
{% endfor %}{{ "abc" | append: "37" }}
