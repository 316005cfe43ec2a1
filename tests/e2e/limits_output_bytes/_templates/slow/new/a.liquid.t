---
to: out/big.txt
---
{% for i in (1..100) %}xxxxxxxxxx{% endfor %}
