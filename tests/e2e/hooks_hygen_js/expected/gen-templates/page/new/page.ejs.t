---
to: app/<%= name %>.md
---
# <%= h.shout(name) %> by <%= author %>
<%= h.capitalize(name) %> / <%= Name %> / <%= h.inflection.pluralize(name) %>
