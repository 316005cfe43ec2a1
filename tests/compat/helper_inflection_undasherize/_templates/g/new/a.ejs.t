---
to: out.txt
---
h.inflection.undasherize('my-component_name') => <%- JSON.stringify(h.inflection.undasherize('my-component_name')) %>
h.inflection.undasherize('ABC-def') => <%- JSON.stringify(h.inflection.undasherize('ABC-def')) %>
