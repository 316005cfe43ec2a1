---
to: cfg/{{ name }}.yml
---
name: {{ name }}
