---
to: out/{{ name }}.txt
---
name={{ name }} Name={{ Name }} names={{ names }} gen={{ generator }} action={{ action }}
