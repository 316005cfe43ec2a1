---
to: out.txt
---
h.changeCase.snake('Ünïcödé wörd') => <%- JSON.stringify(h.changeCase.snake('Ünïcödé wörd')) %>
h.changeCase.camel('ÄpfelBaum') => <%- JSON.stringify(h.changeCase.camel('ÄpfelBaum')) %>
h.changeCase.no(null) => <%- JSON.stringify(h.changeCase.no(null)) %>
h.changeCase.upper(undefined) => <%- JSON.stringify(h.changeCase.upper(undefined)) %>
h.changeCase.param(42) => <%- JSON.stringify(h.changeCase.param(42)) %>
