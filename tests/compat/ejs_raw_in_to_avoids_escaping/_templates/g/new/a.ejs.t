---
to: out/<%- name %>.txt
---
x
