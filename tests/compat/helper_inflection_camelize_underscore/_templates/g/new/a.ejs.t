---
to: out.txt
---
h.inflection.camelize('fooBar_BAZ') => <%- JSON.stringify(h.inflection.camelize('fooBar_BAZ')) %>
h.inflection.camelize('admin/user_accounts') => <%- JSON.stringify(h.inflection.camelize('admin/user_accounts')) %>
h.inflection.camelize('user_name', true) => <%- JSON.stringify(h.inflection.camelize('user_name', true)) %>
h.inflection.underscore('HTTPServer') => <%- JSON.stringify(h.inflection.underscore('HTTPServer')) %>
h.inflection.underscore('Admin::UserAccount') => <%- JSON.stringify(h.inflection.underscore('Admin::UserAccount')) %>
h.inflection.underscore('ABC', true) => <%- JSON.stringify(h.inflection.underscore('ABC', true)) %>
