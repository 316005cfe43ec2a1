---
to: out/{{ name }}/f31.txt
---
{% for k in (1..4) %}{{ name | upcase }}-31-{{ k }}
{% endfor %}{{ "abc" | append: "31" }}
