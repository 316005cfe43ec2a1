---
to: src/{{ name }}.js
---
{% if withStyles %}{{ styleLib | default: "css" }}{% endif %}{% assign local = 1 %}{{ local }}
