---
to: out.txt
---
<% if (true) { -%>
yes
<% } -%>
after
