---
to: out/never.txt
---
start
{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}
