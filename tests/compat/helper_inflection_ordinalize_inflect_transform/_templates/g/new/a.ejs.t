---
to: out.txt
---
h.inflection.ordinalize('1 2 3 4 11 12 13 21 102 x') => <%- JSON.stringify(h.inflection.ordinalize('1 2 3 4 11 12 13 21 102 x')) %>
h.inflection.inflect('cat', 1) => <%- JSON.stringify(h.inflection.inflect('cat', 1)) %>
h.inflection.inflect('cat', 2) => <%- JSON.stringify(h.inflection.inflect('cat', 2)) %>
h.inflection.inflect('cat', 'x') => <%- JSON.stringify(h.inflection.inflect('cat', 'x')) %>
h.inflection.inflect('cat', 1, 'kitty', 'kitties') => <%- JSON.stringify(h.inflection.inflect('cat', 1, 'kitty', 'kitties')) %>
h.inflection.transform('all_job', ['pluralize', 'capitalize', 'dasherize', 'nope']) => <%- JSON.stringify(h.inflection.transform('all_job', ['pluralize', 'capitalize', 'dasherize', 'nope'])) %>
