---
to: out.txt
---
h.inflection.pluralize('person') => <%- JSON.stringify(h.inflection.pluralize('person')) %>
h.inflection.pluralize('PERSON') => <%- JSON.stringify(h.inflection.pluralize('PERSON')) %>
h.inflection.pluralize('leaf') => <%- JSON.stringify(h.inflection.pluralize('leaf')) %>
h.inflection.pluralize('fish') => <%- JSON.stringify(h.inflection.pluralize('fish')) %>
h.inflection.pluralize('index') => <%- JSON.stringify(h.inflection.pluralize('index')) %>
h.inflection.pluralize('octopus') => <%- JSON.stringify(h.inflection.pluralize('octopus')) %>
h.inflection.pluralize('child') => <%- JSON.stringify(h.inflection.pluralize('child')) %>
h.inflection.pluralize('sheep') => <%- JSON.stringify(h.inflection.pluralize('sheep')) %>
h.inflection.pluralize('bus') => <%- JSON.stringify(h.inflection.pluralize('bus')) %>
h.inflection.pluralize('quiz') => <%- JSON.stringify(h.inflection.pluralize('quiz')) %>
h.inflection.pluralize('matrix') => <%- JSON.stringify(h.inflection.pluralize('matrix')) %>
h.inflection.pluralize('category') => <%- JSON.stringify(h.inflection.pluralize('category')) %>
h.inflection.pluralize('') => <%- JSON.stringify(h.inflection.pluralize('')) %>
h.inflection.pluralize('people') => <%- JSON.stringify(h.inflection.pluralize('people')) %>
h.inflection.pluralize('mouse') => <%- JSON.stringify(h.inflection.pluralize('mouse')) %>
