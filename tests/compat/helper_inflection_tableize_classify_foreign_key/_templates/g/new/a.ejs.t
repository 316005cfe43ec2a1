---
to: out.txt
---
h.inflection.tableize('PersonAccount') => <%- JSON.stringify(h.inflection.tableize('PersonAccount')) %>
h.inflection.classify('user_accounts') => <%- JSON.stringify(h.inflection.classify('user_accounts')) %>
h.inflection.demodulize('Admin::User') => <%- JSON.stringify(h.inflection.demodulize('Admin::User')) %>
h.inflection.foreign_key('Admin::User') => <%- JSON.stringify(h.inflection.foreign_key('Admin::User')) %>
h.inflection.foreign_key('User', true) => <%- JSON.stringify(h.inflection.foreign_key('User', true)) %>
