---
to: out/<%= name %>/<%= h.changeCase.param(Name) %>.txt
title: "<%= name %> & co"
---
name=<%= name %> Name=<%= Name %> names=<%= names %> Names=<%= Names %>
raw=<%- name %> sub=[<%= subaction %>] gen=<%= generator %> action=<%= action %>
title=<%= attributes.title %>
<%# a comment -%>
<% if (locals.missing === undefined) { -%>
missing is undefined
<% } -%>
  <%_ [1,2].forEach(function (i) { _%>
  item <%= i %>
  <%_ }) _%>
camel=<%= h.changeCase.camelCase('foo bar baz') %> pas=<%= h.changeCase.pascal('v1.2 x') %>
inf=<%= h.inflection.pluralize('person') %> <%= h.inflection.titleize('hello_world of things') %>
cap=<%= h.capitalize('élan') %> esc=<%= '<a href="x">' %> lit=<%% x %>
keys=<%= Object.keys(locals).filter(k => !['templates','actionfolder','cwd','ts'].includes(k)).join(',') %>
<% leaked = 'from a' %>
