---
to: out.txt
---
<%= greeting %> <%= same %> <%= cap %>
