---
to: out/{{ name }}/f32.txt
---
{% for k in (1..5) %}{{ name | upcase }}-32-{{ k }}
{% endfor %}{{ "abc" | append: "32" }}
