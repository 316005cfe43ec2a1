---
to: out.txt
---
<%= h.shout(name) %> <%= h.changeCase.pascal(name) %>
