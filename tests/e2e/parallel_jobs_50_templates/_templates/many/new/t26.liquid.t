---
to: out/{{ name }}/f26.txt
---
{% for k in (1..6) %}{{ name | upcase }}-26-{{ k }}
{% endfor %}{{ "abc" | append: "26" }}
