---
to: b-<%= counter + 1 %>.txt
---
<% counter++; shared.list.push('b') -%>
b sees counter=<%= counter %> list=<%= shared.list %> this.counter=<%= this.counter %>
