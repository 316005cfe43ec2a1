---
to: out.txt
---
<%
function shout(s) {
  return s.toUpperCase() + '!';
}
%>
<%= shout(name) %>
