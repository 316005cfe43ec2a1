---
to: out/<%= name %>.txt # a comment YAML removes
num: 010
yes_is_string: yes
---
num=<%= attributes.num %> yes=<%= attributes.yes_is_string %>
