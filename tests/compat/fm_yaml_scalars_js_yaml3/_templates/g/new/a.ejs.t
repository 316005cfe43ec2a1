---
to: a.txt
oct: 010
hex: 0x1f
yes_: yes
on_: on
bool: True
sexa: 1:20
flt: .5
nul: ~
---
<% for (const k of ['oct','hex','yes_','on_','bool','sexa','flt','nul']) { %><%= k %>=<%= attributes[k] %> <%= typeof attributes[k] %>
<% } %>