---
to: out.txt
---
<%%= name %> and <%% raw %%> and %%> end
