---
to: b.txt
map:
	k: v
---
<%- JSON.stringify(attributes) %>
