---
to: out.txt
---
h.inflection.singularize('people') => <%- JSON.stringify(h.inflection.singularize('people')) %>
h.inflection.singularize('axes') => <%- JSON.stringify(h.inflection.singularize('axes')) %>
h.inflection.singularize('shoes') => <%- JSON.stringify(h.inflection.singularize('shoes')) %>
h.inflection.singularize('analyses') => <%- JSON.stringify(h.inflection.singularize('analyses')) %>
h.inflection.singularize('octopi') => <%- JSON.stringify(h.inflection.singularize('octopi')) %>
h.inflection.singularize('categories') => <%- JSON.stringify(h.inflection.singularize('categories')) %>
h.inflection.singularize('mice') => <%- JSON.stringify(h.inflection.singularize('mice')) %>
h.inflection.singularize('buses') => <%- JSON.stringify(h.inflection.singularize('buses')) %>
h.inflection.singularize('statuses') => <%- JSON.stringify(h.inflection.singularize('statuses')) %>
h.inflection.singularize('news') => <%- JSON.stringify(h.inflection.singularize('news')) %>
h.inflection.singularize('wolves') => <%- JSON.stringify(h.inflection.singularize('wolves')) %>
h.inflection.singularize('users') => <%- JSON.stringify(h.inflection.singularize('users')) %>
