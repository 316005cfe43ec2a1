---
to: out.txt
---
h.inflection.humanize('author_id') => <%- JSON.stringify(h.inflection.humanize('author_id')) %>
h.inflection.humanize('user_names', true) => <%- JSON.stringify(h.inflection.humanize('user_names', true)) %>
h.inflection.titleize('the lord_of the-rings') => <%- JSON.stringify(h.inflection.titleize('the lord_of the-rings')) %>
h.inflection.capitalize('hELLO') => <%- JSON.stringify(h.inflection.capitalize('hELLO')) %>
h.inflection.dasherize('a b_c') => <%- JSON.stringify(h.inflection.dasherize('a b_c')) %>
