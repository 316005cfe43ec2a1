---
to: out/{{ name }}/f06.txt
---
{% for k in (1..7) %}{{ name | upcase }}-06-{{ k }}
{% endfor %}{{ "abc" | append: "06" }}
