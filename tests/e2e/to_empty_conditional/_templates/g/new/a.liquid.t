---
to: "{% if test %}out/test.txt{% endif %}"
---
test
