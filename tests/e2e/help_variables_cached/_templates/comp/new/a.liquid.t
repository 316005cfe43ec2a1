---
to: out/{{ name }}.txt
---
{{ greeting }} {{ name }}
