---
to: out/{{ name }}.txt
---
{{ Name }}/{{ names }}
