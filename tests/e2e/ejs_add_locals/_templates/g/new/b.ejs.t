---
to: out/<%= leaked %>.txt
---
leaked=<%= leaked %> typeof=<%= typeof this %> <%= [1,'b',null] %> <%= {a:1} %> <%= 1e21 %> <%= -0 %> <%= 0.1+0.2 %>
keys=<%= Object.keys(locals).filter(k => !['templates','actionfolder','cwd','ts'].includes(k)).join(',') %>
