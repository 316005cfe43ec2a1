---
to: out.txt
foo: bar
---
<%= typeof locals.to %> <%= typeof locals.foo %> <%= attributes.foo %>
