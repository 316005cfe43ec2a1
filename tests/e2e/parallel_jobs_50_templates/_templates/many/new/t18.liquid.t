---
to: out/{{ name }}/f18.txt
---
{% for k in (1..5) %}{{ name | upcase }}-18-{{ k }}
{% endfor %}{{ "abc" | append: "18" }}
