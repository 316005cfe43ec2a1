---
to: out.txt
---
h.capitalize('aBC') => <%- JSON.stringify(h.capitalize('aBC')) %>
h.capitalize('') => <%- JSON.stringify(h.capitalize('')) %>
h.capitalize(12) => <%- JSON.stringify(h.capitalize(12)) %>
h.capitalize('émile') => <%- JSON.stringify(h.capitalize('émile')) %>
h.capitalize('ß') => <%- JSON.stringify(h.capitalize('ß')) %>
